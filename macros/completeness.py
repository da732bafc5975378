"""Nothing lost: every record in the data must appear, as readable text, on the built page(s) where it belongs."""

from __future__ import annotations

import html
import re
from pathlib import Path

from .index import Handbook
from .model import MetricGroup
from .pages import is_long_listing, matrix_parts, page_path

# Performance (issue #6): the article's text by two C-level regular expressions instead of an HTML parser (ten times
# faster, same text): built pages escape every '<' and '>' in text and attribute values, so a tag ends at the first '>'.
_COMMENT = re.compile(r"<!--.*?-->", re.S)
_TAG = re.compile(r"<[^>]*>")


def shown_text(page: str) -> str:
    """Whitespace-normalized visible text of a built page's article, from the page's HTML."""
    return " ".join(html.unescape(_TAG.sub(" ", _COMMENT.sub(" ", _article(page)))).split())


def _article(page: str) -> str:
    """Only the main article of a built page (performance, issue #6): the header, navigation and footer are most of a
    page's HTML and need no parsing, so the check costs the size of the content, not of the navigation."""
    start = page.find('<article class="md-content__inner')
    end = page.rfind("</article>")
    return page[start : end + len("</article>")] if 0 <= start < end else page


def _built(site_dir: Path, src_uri: str) -> Path:
    """The HTML file MkDocs writes for a source page (directory URLs)."""
    stem = src_uri[: -len(".md")]
    return site_dir / (stem[: -len("index")] if stem.endswith("index") else stem + "/") / "index.html"


def expected_texts(handbook: Handbook) -> dict[str, list[str]]:
    """For each generated page, the record texts a reader must find on it."""
    expected: dict[str, list[str]] = {page_path("roles"): [r.name for r in handbook.roles]}
    for role in handbook.roles:
        metrics: list[str] = []
        for metric in role.metrics:
            metrics += [metric.name, *metric.includes] if isinstance(metric, MetricGroup) else [metric]
        competencies = handbook.role_competencies(role)
        expected[page_path("role", role.id)] = [
            role.name,
            *metrics,
            *role.titles,
            *(c.name for c in competencies),
            *(b.text for c in competencies for b in c.behaviors),
        ]
        # Checklists and hiring scorecards (issue #3).
        expected[page_path("role-checklist", role.id)] = [
            *(c.name for c in competencies),
            *(b.text for c in competencies for b in c.behaviors),
            *(step.meaning for step in handbook.assessment.scale),
        ]
        scorecard = handbook.scorecard
        expected[page_path("role-hiring", role.id)] = [
            *(trait.name for trait in scorecard.traits),
            *(text for trait in scorecard.traits for text in (*trait.anchors.values(), *trait.how_to_evaluate, *trait.questions)),
            *(c.name for c in competencies),
            *(text for c in competencies if c.hiring for text in (*c.hiring.anchors.values(), *c.hiring.questions)),
            *(band.label for band in scorecard.bands),
        ]
    expected[page_path("competencies")] = [c.name for c in handbook.competencies]
    for competency in handbook.competencies:
        expected[page_path("competency", competency.id)] = [
            competency.name,
            competency.definition,
            *(b.text for b in competency.behaviors),
            *competency.levels.values(),
            *(r.name for r in handbook.roles_by_competency[competency.id]),
        ]
    for dimension in handbook.dimensions:
        expected[page_path("dimension", dimension.id)] = [c.name for c in handbook.competencies_by_dimension[dimension.id]]
    expected[page_path("matrix")] = [*(r.name for r in handbook.roles), *(c.name for c in handbook.competencies)]
    if parts := matrix_parts(handbook):  # performance (issue #6): a split matrix shows competencies on its parts
        expected[page_path("matrix")] = [r.name for r in handbook.roles]
        for part in parts:
            expected[page_path("matrix-part", part.id)] = [*(r.name for r in part.roles), *(c.name for _, cs in part.groups for c in cs)]
    _expect_training(handbook, expected)  # issue #4
    for src_uri, texts in playbook_texts(handbook).items():  # Playbooks (issue 5)
        expected.setdefault(src_uri, []).extend(texts)
    if is_long_listing(handbook.competencies):  # performance (issue #6): compact listings name dimensions, not every record
        missing = [c.name for c in handbook.competencies if not handbook.sessions_by_competency[c.id]]
        expected[page_path("competencies")] = [d.name for d in handbook.dimensions]
        expected[page_path("coverage")] = [*(d.name for d in handbook.dimensions), *missing]
    if is_long_listing(handbook.plays, "plays"):  # the plays index lists names by phase; the journey map counts plays per stage
        expected[page_path("plays")] = [
            *(p.name for p in handbook.plays),
            *(ph.name for ph in handbook.phases if handbook.plays_by_phase[ph.id]),
        ]
        expected[page_path("journey-map")] = [t for t in expected[page_path("journey-map")] if t not in {p.name for p in handbook.plays}]
    return expected


# --- Playbooks (issue 5): plays, phases, stages, buyer roles, frameworks, SLAs, experiments and coaching plans ---


def playbook_texts(hb: Handbook) -> dict[str, list[str]]:
    """For each playbook page (and the role and competency pages that list plays), the texts a reader must find."""
    expected: dict[str, list[str]] = {
        page_path("plays"): [
            *(p.name for p in hb.plays),
            *(p.trigger for p in hb.plays),
            *(ph.name for ph in hb.phases if hb.plays_by_phase[ph.id]),
        ],
        page_path("journey-map"): [
            *(ph.name for ph in hb.phases),
            *(ph.description for ph in hb.phases),
            *(s.name for s in hb.stages),
            *(s.description for s in hb.stages),
            *(p.name for p in hb.plays),
            *(b.name for b in hb.buyer_roles),
            *(b.description for b in hb.buyer_roles),
        ],
        page_path("qualification"): [
            text
            for f in hb.frameworks
            for text in (f.name, f.summary, *(x for part in f.parts for x in (part.name, part.meaning, *part.questions)))
        ],
        page_path("service-levels"): [
            text
            for sla in hb.service_levels
            for text in (
                sla.name,
                sla.commitment,
                *(f.segment for f in sla.follow_up),
                *(x for b in sla.breach_signals for x in (b.signal, b.threshold, b.action)),
            )
        ],
        page_path("experiments"): [
            text for e in hb.experiments for text in (e.name, e.hypothesis, e.smallest_test, e.run_by, *e.success_criteria)
        ],
    }
    for play in hb.plays:
        expected[page_path("play", play.id)] = [
            play.name,
            play.goal,
            play.trigger,
            hb.phase[play.phase].name,
            *(hb.stage[s].name for s in play.stages),
            *(hb.role[r].name for r in play.roles),
            *(hb.buyer_role[b].name for b in play.buyer_roles),
            *(x for a in play.activities for x in (a.activity, a.leading_indicator, a.target)),
            *(x for competency, behaviors in hb.play_behaviors(play) for x in (competency.name, *(b.text for b in behaviors))),
            *play.questions,
            *(x for t in play.talk_tracks for x in (t.label, t.text)),
            *play.content,
            *play.exit_criteria,
        ]
    for role in hb.roles:
        plays = hb.plays_by_role[role.id]
        expected[page_path("role", role.id)] = [p.name for p in plays]
        coaching = [x for p in plays for a in p.activities for x in (a.activity, a.leading_indicator, a.target)]
        coaching += [x for competency, cited in hb.role_behaviors(role.id) for x in (competency.name, *(b.text for b, _ in cited))]
        plan = hb.coaching_plan_by_role.get(role.id)
        if plan:
            coaching += [x for m in plan.funnel_metrics for x in (m.name, m.shows)]
            coaching += [x for d in plan.diagnosis for x in (d.signal, d.question, hb.behavior(d.skill)[1].text)]
            coaching += [*plan.monthly_plan.conversation, *plan.monthly_plan.actions, plan.monthly_plan.measure]
        expected[page_path("coaching", role.id)] = coaching
    for competency in hb.competencies:
        expected[page_path("competency", competency.id)] = [p.name for p in hb.plays_by_competency[competency.id]]
    return expected


# --- Training (issue #4): sessions, exams, certifications and cohorts ------------------------------------------------


def _expect_training(handbook: Handbook, expected: dict[str, list[str]]) -> None:
    """Curricula, weeks, certifications, exams, cohorts and coverage, plus the training lists on role and competency pages."""
    hb = handbook
    expected[page_path("curricula")] = [
        *(c.name for c in hb.curricula),
        *(c.name for c in hb.cohorts),
        *(c.name for c in hb.certifications),
        *(e.name for e in hb.exams),
    ]
    expected[page_path("coverage")] = [
        *(c.name for c in hb.competencies),
        *(p.session.title for sessions in hb.sessions_by_competency.values() for p in sessions),
    ]
    for curriculum in hb.curricula:
        planned = hb.planned_sessions[curriculum.id]
        expected[page_path("curriculum", curriculum.id)] = [
            curriculum.name,
            curriculum.summary,
            curriculum.assessment,
            *(hb.role[r].name for r in curriculum.roles),
            *(week.title for week in curriculum.weeks),
            *(p.session.title for p in planned),
        ]
        for number, week in enumerate(curriculum.weeks, start=1):
            expected[page_path("curriculum-week", f"{curriculum.id}/week-{number}")] = [
                week.title,
                *(day.title for day in week.days),
                *(
                    text
                    for p in planned
                    if p.week == number
                    for text in (p.session.title, *p.session.objectives, *p.session.pre_work, *p.session.materials)
                ),
                *(hb.competency[c].name for p in planned if p.week == number for c in p.session.competencies),
            ]
        for role_id in curriculum.roles:
            expected[page_path("role", role_id)].append(curriculum.name)
    for certification in hb.certifications:
        expected[page_path("certification", certification.id)] = [
            certification.name,
            certification.stage,
            certification.role_play,
            *(text for row in certification.rubric for text in (row.behavior, *row.scores.values())),
        ]
    for exam in hb.exams:
        expected[page_path("exam", exam.id)] = [
            exam.name,
            exam.on_fail,
            *(text for q in exam.questions for text in (q.question, q.good_answer)),
        ]
    for cohort in hb.cohorts:
        events = hb.cohort_events[cohort.id]
        expected[page_path("cohort", cohort.id)] = [
            cohort.name,
            hb.curriculum[cohort.curriculum].name,
            *(e.planned.session.title for e in events),
            *(e.date_label for e in events),
        ]
    for competency_id, sessions in hb.sessions_by_competency.items():
        expected[page_path("competency", competency_id)] += [p.session.title for p in sessions]


class CompletenessCheck:
    """Checks each generated page as it is built, so that nothing is read back from disk (performance, issue #6)."""

    def __init__(self, handbook: Handbook) -> None:
        self.expected = expected_texts(handbook)
        self._missing: dict[str, list[str]] = {}  # by page, for the pages checked so far

    def check_page(self, src_uri: str, page: str) -> None:
        """Compare one built page's HTML with the record texts it must show."""
        texts = self.expected.get(src_uri)
        if texts is not None:
            shown = shown_text(page)
            self._missing[src_uri] = [f"{src_uri}: {' '.join(t.split())!r}" for t in texts if " ".join(t.split()) not in shown]

    def missing(self, site_dir: Path) -> list[str]:
        """Every expected record text the site does not show, page by page; pages not seen while building (a
        preview's unchanged pages) are read from `site_dir`."""
        missing: list[str] = []
        for src_uri in self.expected:
            if src_uri not in self._missing:
                built = _built(site_dir, src_uri)
                if not built.exists():
                    missing.append(f"{src_uri}: the page was not built")
                    continue
                self.check_page(src_uri, built.read_text(encoding="utf-8"))
            missing += self._missing[src_uri]
        return missing


def missing_records(handbook: Handbook, site_dir: Path) -> list[str]:
    """Every expected record text that the built site does not show, as 'page: text' lines."""
    return CompletenessCheck(handbook).missing(site_dir)
