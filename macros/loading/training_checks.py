"""Domain checks of training data: day lengths, session rules, objective verbs, exams, rubrics, cohort dates, coverage."""

from __future__ import annotations

from zoneinfo import ZoneInfo, ZoneInfoNotFoundError, available_timezones

from ..errors import Problems, Source, Subject, did_you_mean
from ..handbook.schedule import MAX_DAY_MINUTES, add_working_days
from ..model import ACTION_VERBS, Certification, Cohort, Curriculum, Exam, Role, Session, objective_verb
from .yaml_reader import dotted_path


def check_training(
    curricula: dict[str, Curriculum],
    exams: dict[str, Exam],
    certifications: dict[str, Certification],
    cohorts: dict[str, Cohort],
    roles: dict[str, Role],
    sources: dict[tuple[str, str], Source],
    problems: Problems,
) -> None:
    """Unique assessment ids, day lengths, sessions, exam banks, rubric shapes, cohort dates and role coverage."""
    for certification_id in certifications:
        if certification_id in exams:
            source = sources[("certification", certification_id)]
            problems.add(
                source.file,
                source.at("id"),
                Subject("certification", certification_id),
                "id",
                f"an exam already uses the id '{certification_id}'; sessions name exams and certifications by id",
                "give the certification its own id",
            )
    for curriculum in curricula.values():
        _check_curriculum(curriculum, sources[("curriculum", curriculum.id)], problems)
    _check_role_coverage(curricula, roles, sources, problems)
    for exam in exams.values():
        source = sources[("exam", exam.id)]
        if exam.questions_drawn > len(exam.questions):
            problems.add(
                source.file,
                source.at("questions_drawn"),
                Subject("exam", exam.id),
                "questions_drawn",
                f"the exam draws {exam.questions_drawn} questions but its bank has only {len(exam.questions)}",
                "add questions to the bank, or draw fewer",
            )
    for certification in certifications.values():
        _check_certification(certification, sources[("certification", certification.id)], problems)
    for cohort in cohorts.values():
        _check_cohort(cohort, sources[("cohort", cohort.id)], problems)


def _check_curriculum(curriculum: Curriculum, source: Source, problems: Problems) -> None:
    """Each day fits in a working day; session ids are unique in the curriculum; each session follows its format's rules."""
    label = Subject("curriculum", curriculum.id)
    first_use: dict[str, int] = {}
    for w, week in enumerate(curriculum.weeks):
        for d, day in enumerate(week.days):
            minutes = sum(session.duration for session in day.sessions)
            if minutes > MAX_DAY_MINUTES:
                problems.add(
                    source.file,
                    source.at("weeks", w, "days", d),
                    label,
                    f"weeks[{w}].days[{d}]",
                    f"week {w + 1}, day {d + 1} has {minutes} minutes of sessions, "
                    f"more than the {MAX_DAY_MINUTES} that fit in a working day",
                    "move a session to another day, or shorten one",
                )
            for n, session in enumerate(day.sessions):
                _check_session(session, ("weeks", w, "days", d, "sessions", n), source, label, first_use, problems)


def _check_role_coverage(
    curricula: dict[str, Curriculum], roles: dict[str, Role], sources: dict[tuple[str, str], Source], problems: Problems
) -> None:
    """Once a curriculum exists, every role follows one (unless a mistyped role or a broken curriculum explains the gap)."""
    followed = {role_id for curriculum in curricula.values() for role_id in curriculum.roles}
    if not curricula or followed - set(roles) or any(kind == "curriculum" for kind, _ in problems.broken):
        return
    for role in roles.values():
        if role.id not in followed:
            source = sources[("role", role.id)]
            problems.add(
                source.file,
                source.line,
                Subject("role", role.id),
                "",
                "follows no curriculum, so its new hires would have no training plan",
                f"add '{role.id}' to the 'roles' list of a curriculum in data/curricula/",
                todo=True,
            )


def _check_session(
    session: Session, path: tuple[object, ...], source: Source, label: Subject, first_use: dict[str, int], problems: Problems
) -> None:
    """One session: unique id in its curriculum, what it assesses or develops, objectives a trainer can observe."""
    where = dotted_path(path)
    if session.id in first_use:
        problems.add(
            source.file,
            source.at(*path, "id"),
            label,
            f"{where}.id",
            f"duplicate session id '{session.id}' (already used on line {first_use[session.id]})",
            "give each session of a curriculum its own id: it is the session's link anchor and calendar entry",
        )
    first_use.setdefault(session.id, source.at(*path, "id"))
    if session.format == "assessment":
        if not session.assesses:
            problems.add(
                source.file,
                source.at(*path, "format"),
                label,
                f"{where}.assesses",
                "an assessment session names no exam or certification",
                "list the exam or certification ids taken in this session under 'assesses:'",
            )
    else:
        if session.assesses:
            problems.add(
                source.file,
                source.at(*path, "assesses"),
                label,
                f"{where}.assesses",
                f"a {session.format} session cannot hold an exam or certification",
                "set 'format: assessment', or move the exam to a session of its own",
            )
        if not session.competencies:
            problems.add(
                source.file,
                source.at(*path),
                label,
                f"{where}.competencies",
                f"a {session.format} session must develop at least one competency",
                "add 'competencies:' with the ids of the competencies this session develops",
            )
    for index, objective in enumerate(session.objectives):
        verb = objective_verb(objective)
        if verb not in ACTION_VERBS:
            guess = did_you_mean(verb, ACTION_VERBS)
            fix = (
                f"did you mean '{guess.capitalize()}'?"
                if guess
                else "start with a verb a trainer can observe, such as Explain, Demonstrate, Ask, Qualify or Present "
                "(the full list is ACTION_VERBS in macros/model/training.py)"
            )
            problems.add(
                source.file,
                source.at(*path, "objectives", index),
                label,
                f"{where}.objectives[{index}]",
                f"the objective starts with '{objective.split()[0]}', which is not an action verb a trainer can observe",
                fix,
            )


def _check_certification(certification: Certification, source: Source, problems: Problems) -> None:
    """Rubric rows share one score scale, and the pass score is one of its scores."""
    label = Subject("certification", certification.id)
    scale = sorted(certification.rubric[0].scores)
    for index, row in enumerate(certification.rubric):
        if sorted(row.scores) != scale:
            found = ", ".join(str(score) for score in sorted(row.scores))
            problems.add(
                source.file,
                source.at("rubric", index, "scores"),
                label,
                f"rubric[{index}].scores",
                f"expected the scores {', '.join(str(x) for x in scale)} like the first behavior, found {found}",
                "describe the same scores on every behavior, so the rubric prints as one table",
            )
    if certification.pass_score not in scale:
        problems.add(
            source.file,
            source.at("pass_score"),
            label,
            "pass_score",
            f"the pass score {certification.pass_score} is not one of the rubric's scores ({', '.join(str(x) for x in scale)})",
            "use one of the rubric's scores",
        )


def _check_cohort(cohort: Cohort, source: Source, problems: Problems) -> None:
    """A known time zone and a start date on a working day."""
    label = Subject("cohort", cohort.id)
    try:
        ZoneInfo(cohort.timezone)
    except (ZoneInfoNotFoundError, ValueError):
        zones = available_timezones()
        exact = {z.lower(): z for z in zones}.get(cohort.timezone.lower())
        guess = exact or did_you_mean(cohort.timezone, zones)
        problems.add(
            source.file,
            source.at("timezone"),
            label,
            "timezone",
            f"unknown time zone '{cohort.timezone}'",
            f"did you mean '{guess}'?" if guess else "use an IANA time zone name such as Europe/Berlin or America/New_York",
        )
    if cohort.start.weekday() >= 5 or cohort.start in cohort.holidays:
        why = "one of the cohort's holidays" if cohort.start in cohort.holidays else f"a {cohort.start:%A}"
        problems.add(
            source.file,
            source.at("start"),
            label,
            "start",
            f"the start date {cohort.start.isoformat()} is {why}, not a working day",
            f"start on {add_working_days(cohort.start, 0, cohort.holidays).isoformat()}, the next working day",
        )
