"""Benchmark: how long after a student submits does `watch` release the feedback?

    python -m autograder.benchmarks.bench_watch [--repeats 5] [--interval 1]

An instructor's course root and an nbgrader exchange are set up in a temporary folder
(autograder/benchmarks/exchange_course.py: regularization released with nbgrader). `python -m autograder watch` runs
idle in a subprocess with `--interval` seconds between passes. Then, `--repeats` times, a new
student submits a buggy notebook with `nbgrader submit`, and the time is taken from the end of the
submit to the moment the feedback page of that submission appears in the exchange (the file
nbgrader fetch_feedback copies; its name is nbgrader's hash of the submission's secret). Each
student's fetch_feedback is then run once to check that the page reaches the student.
Prints each latency and the median. A pass starts every `--interval` seconds; the submissions
land at points spread over the wait between passes, so the median includes about half an
interval (with the default 1 s, the figure is the time of collecting, grading and releasing).
"""

import argparse
import statistics
import tempfile
import time
from pathlib import Path

ASSIGNMENT = "regularization"


def released_page(exchange, home, course_id):
    """The exchange's feedback file for the student's newest submission (nbgrader's own naming)."""
    from nbgrader.utils import notebook_hash

    submissions = sorted((home / "cache" / course_id).glob(f"*+{ASSIGNMENT}+*"))
    secret = (submissions[-1] / "submission_secret.txt").read_text()
    return Path(exchange) / course_id / "feedback" / f"{notebook_hash(secret=secret, notebook_id=ASSIGNMENT)}.html"


def main(argv=None):
    from autograder.benchmarks.exchange_course import (
        BUGGY_BACKWARD,
        COURSE_ID,
        fetched_feedback,
        instructor_with_exchange,
        start_watch,
        stop,
        student_home,
        submit,
        wait_for,
    )

    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--repeats", type=int, default=5)
    parser.add_argument("--interval", type=float, default=1)
    args = parser.parse_args(argv)
    with tempfile.TemporaryDirectory() as scratch:
        scratch = Path(scratch)
        root, exchange = instructor_with_exchange(scratch)
        log = scratch / "watch.log"
        watch = start_watch(root, log, "--interval", str(args.interval))
        latencies = []
        try:
            wait_for(lambda: "Watching" in log.read_text(), what="watch to start", log=log)
            time.sleep(2 * args.interval)   # idle: past its first, empty pass
            for index in range(args.repeats):
                home = student_home(scratch, f"student{index}", exchange)
                submit(home, BUGGY_BACKWARD)
                start = time.perf_counter()
                page = released_page(exchange, home, COURSE_ID)
                wait_for(page.exists, timeout=600, what=f"student{index}'s feedback", log=log)
                latencies.append(time.perf_counter() - start)
                assert len(fetched_feedback(home)) == 1, "the released page did not reach the student"
                print(f"submission {index + 1}: feedback in the exchange {latencies[-1]:.1f} s after submit", flush=True)
                # The next submission lands at a different point of the wait between passes: spread
                # over the interval, the median waits about half of it, as a student's would.
                time.sleep(args.interval * (1 + (index + 0.5) / args.repeats))
        finally:
            stop(watch)
    print(f"median submit-to-feedback latency on an idle watch (--interval {args.interval:g}): "
          f"{statistics.median(latencies):.1f} s over {len(latencies)} submissions")


if __name__ == "__main__":
    main()
