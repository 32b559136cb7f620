"""Measure the follow-up classifier on the labelled message set.

Run from the project root: `.venv/bin/python scripts/classifier_accuracy.py`. Needs no Django settings.
"""

import sys
from collections import defaultdict
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from recruitment.classification import FollowUpKind, classify_followup  # noqa: E402
from tests.recruitment.followup_messages import DEVELOPMENT, HELD_OUT, MESSAGES  # noqa: E402

SETS = {"development": DEVELOPMENT, "held-out": HELD_OUT}


def _rate(hits: list[bool]) -> str:
    return f"{sum(hits) / len(hits):6.1%}  ({sum(hits)}/{len(hits)})"


def main() -> None:
    by_group: dict[str, list[bool]] = defaultdict(list)
    misses: list[tuple[str, str, str, str, str]] = []
    for name, messages in SETS.items():
        for subject, body, expected, language, register in messages:
            got = classify_followup(subject, body)
            hit = got == expected
            for group in ("overall", f"set {name}", f"language {language}", f"register {register}"):
                by_group[group].append(hit)
            by_group[f"kind {expected}"].append(hit)
            if not hit:
                misses.append((expected, got.value, language, subject, body))

    print(f"{len(MESSAGES)} messages; the held-out set was never used to tune the classifier")
    for group in ["overall", *sorted(group for group in by_group if group != "overall")]:
        print(f"  {group:<26} {_rate(by_group[group])}")

    print(f"\n{len(misses)} misclassified (expected -> got):")
    for expected, got, language, subject, body in misses:
        text = " ".join(f"{subject} | {body}".split())
        print(f"  [{language}] {expected} -> {got}: {text[:150]}")

    unknown = {expected for _, _, expected, _, _ in MESSAGES} - set(FollowUpKind.values)
    if unknown:
        sys.exit(f"unknown labels in the message set: {sorted(unknown)}")


if __name__ == "__main__":
    main()
