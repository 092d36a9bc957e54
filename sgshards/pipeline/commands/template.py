"""The Dataflow Flex Template's entry: the template launcher runs ``deploy/dataflow/flex/main.py``
with each parameter as ``--name=value`` (names with underscores, as template parameters are
written) next to its own pipeline options, among them ``--template_location``, where the job
description goes; the launcher then starts the job, which outlives it (``outputs.detached``).

Parameters whose name is an option of ``sgshards run`` become that option (``samples_per_shard``
-> ``--samples-per-shard``; switches take ``true`` or ``false``; ``input`` takes several
patterns separated by ``;``); every other one passes on to Beam.  Workers run the image the
launcher runs (``SGSHARDS_IMAGE``, set when the image is built) unless
``sdk_container_image`` is given.
"""
from __future__ import annotations

import argparse
import os
import sys
from typing import Optional

from ..errors import UsageError

IMAGE_ENV = "SGSHARDS_IMAGE"
_TRUE, _FALSE = {"true", "1", "yes", ""}, {"false", "0", "no"}


def run_options() -> dict:
    """``--option`` of ``sgshards run`` -> its argparse action."""
    from .cli import make_parser

    sub = next(a for a in make_parser()._actions if isinstance(a, argparse._SubParsersAction))
    return {flag: action for action in sub.choices["run"]._actions for flag in action.option_strings
            if flag.startswith("--") and flag != "--help"}


def sgshards_argv(argv: list[str], image: Optional[str] = None) -> list[str]:
    """The ``sgshards run`` command line of the launcher's arguments."""
    options, ours, beam = run_options(), ["run"], []
    for arg in argv:
        name, _, value = arg[2:].partition("=") if arg.startswith("--") else ("", "", "")
        flag = "--" + name.replace("_", "-")
        action = options.get(flag)
        if action is None:
            beam.append(arg)                            # a Beam or Dataflow option
        elif action.nargs == 0:                         # a switch
            if value.lower() not in _TRUE | _FALSE:
                raise UsageError(f"template parameter {name}: true or false, not {value!r}")
            if value.lower() in _TRUE:
                ours.append(flag)
            elif isinstance(action, argparse.BooleanOptionalAction):
                ours.append("--no-" + flag[2:])         # header=false: --no-header
        elif flag == "--input":
            ours += [part for pattern in value.split(";") if pattern.strip() for part in (flag, pattern.strip())]
        else:
            ours += [flag, value]
    image = image if image is not None else os.environ.get(IMAGE_ENV)
    if image and not any(a.startswith(("--sdk_container_image", "--worker_harness_container_image")) for a in beam):
        beam.append(f"--sdk_container_image={image}")
    return ours + beam


def main(argv: Optional[list[str]] = None) -> int:
    from .cli import main as cli_main

    try:
        command = sgshards_argv(sys.argv[1:] if argv is None else argv)
    except UsageError as exc:
        print(f"sgshards: error: {exc}", file=sys.stderr)
        return 2
    return cli_main(command)
