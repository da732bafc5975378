"""Domain checks of the core model that no single field can express: names, level coverage, profile answers, scales."""

from __future__ import annotations

from ..errors import Problems, Source, Subject, did_you_mean
from ..model import Assessment, Competency, HiringScorecard, ProficiencyLevel, ProfileMapping, Role


def check_competencies(
    competencies: dict[str, Competency],
    levels: dict[str, ProficiencyLevel],
    sources: dict[tuple[str, str], Source],
    problems: Problems,
) -> None:
    """Aliases say something new, names are unique across the library, and every level is described."""
    names: dict[str, str] = {}
    for competency in competencies.values():
        source = sources[("competency", competency.id)]
        label = Subject("competency", competency.id)
        # An alias that repeats the name (or another alias) names nothing new; a case variant is a real spelling.
        for index, alias in enumerate(competency.aliases):
            if alias in (competency.name, *competency.aliases[:index]):
                problems.add(
                    source.file,
                    source.at("aliases", index),
                    label,
                    f"aliases[{index}]",
                    f"the alias '{alias}' repeats the competency's own name"
                    if alias == competency.name
                    else f"the alias '{alias}' is listed twice",
                    "remove it",
                )
        for name in (competency.name, *competency.aliases):
            other = names.get(name.lower())
            if other and other != competency.id:
                problems.add(
                    source.file,
                    source.at("name"),
                    label,
                    "name",
                    f"the name '{name}' is already used by competency '{other}'",
                    "merge the two competencies, or rename one",
                )
            names[name.lower()] = competency.id
        for level_id in levels:
            if level_id not in competency.levels:
                problems.add(
                    source.file,
                    source.at("levels"),
                    label,
                    "levels",
                    f"the '{level_id}' level is not described",
                    f"add '{level_id}:' under 'levels' with what the competency looks like at that level",
                    todo=True,
                )


def check_roles(roles: dict[str, Role], mapping: ProfileMapping, sources: dict[tuple[str, str], Source], problems: Problems) -> None:
    """Every profile question is answered, with answers that question allows, each once."""
    questions = {q.id: q for q in mapping.questions}
    for role in roles.values():
        source = sources[("role", role.id)]
        label = Subject("role", role.id)
        for question_id, answers in role.profile.items():
            if question_id not in questions:
                continue  # reported by the reference walker
            valid = [a.id for a in questions[question_id].answers]
            if not answers:
                problems.add(
                    source.file,
                    source.at("profile", question_id),
                    label,
                    f"profile.{question_id}",
                    "expected at least one answer, found none",
                    f"use one or more of: {', '.join(valid)}",
                )
            for index, answer in enumerate(answers):
                line = source.at("profile", question_id, index)
                if answer in answers[:index]:  # a repeated answer would count twice on every page
                    problems.add(
                        source.file,
                        line,
                        label,
                        f"profile.{question_id}",
                        f"the answer '{answer}' is listed twice",
                        "remove the second one",
                    )
                if answer not in valid:
                    _unknown_answer(problems, source, label, f"profile.{question_id}", answer, valid, line)
        for question_id, question in questions.items():
            if question_id not in role.profile:
                problems.add(
                    source.file,
                    source.at("profile"),
                    label,
                    "profile",
                    f"the profile question '{question_id}' is not answered",
                    f"add '{question_id}: [...]' with one or more of: {', '.join(a.id for a in question.answers)}",
                )


def _unknown_answer(problems: Problems, source: Source, label: Subject, field: str, answer: str, valid: list[str], line: int) -> None:
    """An answer its question does not allow: answers are scoped to one question, so the walker cannot check them."""
    guess = did_you_mean(answer, valid)
    fix = f"did you mean '{guess}'?" if guess else f"use one of: {', '.join(valid)}"
    problems.add(source.file, line, label, field, f"unknown answer '{answer}'", fix, unknown=("answer", answer))


def check_assessment(
    assessment: Assessment, levels: dict[str, ProficiencyLevel], mapping: ProfileMapping, source: Source, problems: Problems
) -> None:
    """The rating scale counts 1, 2, 3 ..., ties each proficiency level to one point, and covers every answer that sets a level."""
    label = Subject("assessment")
    for index, step in enumerate(assessment.scale):
        if step.value != index + 1:
            problems.add(
                source.file,
                source.at("scale", index, "value"),
                label,
                f"scale[{index}].value",
                f"expected {index + 1} (the scale counts up from 1 in order), found {step.value}",
                f"set 'value: {index + 1}' or reorder the scale",
            )
    tied = [step.level for step in assessment.scale if step.level]
    for level_id in levels if all(level in levels for level in tied) else ():  # a misspelled level is reported by the walker
        if tied.count(level_id) != 1:
            problems.add(
                source.file,
                source.at("scale"),
                label,
                "scale",
                f"the '{level_id}' level must be tied to exactly one point of the scale, found {tied.count(level_id)}",
                f"add 'level: {level_id}' to the one scale point that stands for that standard",
            )
    question = next((q for q in mapping.questions if q.id == assessment.expected_level_from), None)
    if question is None:
        return  # reported by the reference walker
    answers = [a.id for a in question.answers]
    for answer_id in assessment.expected_level:
        if answer_id not in answers:
            line = source.at("expected_level", answer_id)
            _unknown_answer(problems, source, label, f"expected_level.{answer_id}", answer_id, answers, line)
    for answer_id in answers:
        if answer_id not in assessment.expected_level:
            problems.add(
                source.file,
                source.at("expected_level"),
                label,
                "expected_level",
                f"the answer '{answer_id}' has no expected level",
                f"add '{answer_id}: <level id>' under 'expected_level'",
            )


def check_scorecard(
    scorecard: HiringScorecard,
    competencies: dict[str, Competency],
    roles: dict[str, Role],
    source: Source,
    sources: dict[tuple[str, str], Source],
    problems: Problems,
) -> None:
    """Trait ids are unique and not competency ids; bands descend to one with no conditions; every role competency has a hiring guide."""
    label = Subject("hiring scorecard")
    seen: set[str] = set()
    for index, trait in enumerate(scorecard.traits):
        line = source.at("traits", index, "id")
        if trait.id in seen or trait.id in competencies:
            what = "another trait" if trait.id in seen else "a competency"
            problems.add(
                source.file,
                line,
                label,
                f"traits[{index}].id",
                f"the id '{trait.id}' is already used by {what}",
                "give the trait its own id",
            )
        seen.add(trait.id)
    minimums = [band.min for band in scorecard.bands]
    if minimums != sorted(minimums, reverse=True) or len(set(minimums)) != len(minimums) or minimums[-1] != 0:
        problems.add(
            source.file,
            source.at("bands"),
            label,
            "bands",
            f"expected bands from the highest 'min' down to 'min: 0', each 'min' different, found {minimums}",
            "order the bands from best to worst and end with 'min: 0'",
        )
    if scorecard.bands[-1].min_each is not None:
        # The last band is what every candidate falls back to, so it cannot ask anything of a single criterion.
        problems.add(
            source.file,
            source.at("bands", len(scorecard.bands) - 1, "min_each"),
            label,
            f"bands[{len(scorecard.bands) - 1}].min_each",
            f"the last band ('min: 0') must not set 'min_each', found {scorecard.bands[-1].min_each}",
            "remove 'min_each' from the last band, so every candidate gets a recommendation",
        )
    needed = sorted({c for role in roles.values() for c in role.competencies if c in competencies and competencies[c].hiring is None})
    for competency_id in needed:
        users = ", ".join(sorted(r.id for r in roles.values() if competency_id in r.competencies))
        own = sources[("competency", competency_id)]
        problems.add(
            own.file,
            own.line,
            Subject("competency", competency_id),
            "hiring",
            f"no hiring guide, but the competency is predictive for {users} and their hiring scorecards score it",
            "add a 'hiring:' section with anchors (1, 5, 10), evaluate_by and questions",
            todo=True,
        )
