"""Domain checks of evidence.yml: one finding per behavior, metric and mode, over the file's own periods."""

from __future__ import annotations

from ..errors import Problems, Source, Subject
from ..model import Evidence


def check_evidence(evidence: Evidence, source: Source, problems: Problems) -> None:
    """Findings are unique per behavior, metric and mode, and name only periods the file lists."""
    subject = Subject("evidence")
    seen: dict[tuple[str, str, str, str], int] = {}
    for index, finding in enumerate(evidence.findings):
        key = (finding.competency, finding.behavior, finding.metric, finding.mode)
        if key in seen:
            problems.add(
                source.file,
                source.at("findings", index),
                subject,
                f"findings[{index}]",
                f"a second finding for '{finding.competency}/{finding.behavior}', metric '{finding.metric}', {finding.mode} ratings "
                f"(the first is findings[{seen[key]}])",
                "regenerate the file with `handbook evidence`, which writes each pair once",
            )
        seen.setdefault(key, index)
        for position, period in enumerate(finding.periods):
            if period not in evidence.periods:
                problems.add(
                    source.file,
                    source.at("findings", index, "periods", position),
                    subject,
                    f"findings[{index}].periods[{position}]",
                    f"the period '{period}' is not among the file's periods ({', '.join(evidence.periods)})",
                    "add it to 'periods', or regenerate the file with `handbook evidence`",
                )
    formats = {"quarter" if "Q" in period else "month" for period in evidence.periods}
    if len(formats) > 1:
        problems.add(
            source.file,
            source.at("periods"),
            subject,
            "periods",
            "months (YYYY-MM) and quarters (YYYY-Qn) are mixed",
            "use one kind of period throughout",
        )
