"""Incremental runs: ``zakerclean clean --state FILE`` (SPEC §7).

The state file remembers, for every input a run finished, the SHA-256 of its bytes, plus the
settings the run used.  The next run with the same settings skips the inputs whose bytes are
unchanged and counts them: new, changed, unchanged and gone (in the state, not among the inputs).

Why a journal beside the file: the state must survive a run that is killed midway (SIGKILL, a
power cut) without losing or doubling anything, and rewriting the whole state after each input
would cost O(n²) over a run.  So a run appends one line per finished input to ``FILE.journal``
(after that input's records were written and flushed) and, at its end, writes the merged state to
a temporary file, fsyncs it and ``os.replace``\\s it onto ``FILE`` (atomic on POSIX and Windows),
then removes the journal.  A run that finds a journal replays it first.

Nothing doubled: each journal line also holds the size of the ``-o`` file after the input's
records.  Records written after the last journal line (the killed run had written them, not yet
journaled them) are cut off on the next run, which then redoes those inputs.  Outputs in a
directory (md/html/hexo) are rewritten whole, so redoing an input there changes nothing.

An input is *done* once every record it gives was written, error records included: the same
bytes under the same settings give the same records, so a failure would only fail again.  An
input whose bytes cannot be read here is not tracked and is tried again next time.  When the
settings differ from the state's (another zakerclean version, format, output or cleaning
option), every input is redone, and ``-o FILE`` starts afresh.
"""

from __future__ import annotations

import hashlib
import json
import os
import tempfile
from collections import deque
from collections.abc import Iterable, Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from .. import __version__
from .batch import source_name
from .inputs import Input

__all__ = ["RunState", "StateError", "settings_digest"]

#: The first key of a state file, so another JSON file given by mistake is refused.
STATE_FORMAT = "zakerclean-state"
STATE_VERSION = 1
#: Bytes read at a time when hashing a file (memory stays flat for big inputs).
HASH_BLOCK = 1 << 20


class StateError(Exception):
    """The state file (or its journal) cannot be used: not ours, unreadable or damaged."""


def settings_digest(settings: dict[str, Any]) -> str:
    """A short digest of everything besides an input's bytes that decides its records."""
    settings = {"zakerclean": __version__, **settings}
    text = json.dumps(settings, sort_keys=True, ensure_ascii=False, default=str)
    return hashlib.sha256(text.encode("utf-8")).hexdigest()[:16]


def content_hash(item: Input) -> str | None:
    """SHA-256 of the input's bytes, or ``None`` when they cannot be read here (the worker then
    reports why, and the input is not tracked)."""
    if item.error is not None:
        return None
    source = item.source
    digest = hashlib.sha256()
    if isinstance(source, tuple):
        digest.update(source[1])
        return digest.hexdigest()
    try:
        with open(source, "rb") as handle:
            while block := handle.read(HASH_BLOCK):
                digest.update(block)
    except OSError:
        return None
    return digest.hexdigest()


@dataclass
class RunState:
    """What an incremental run knows and has done.  Use :meth:`open`, then :meth:`select` over
    the inputs, :meth:`done` after each selected input's records, and :meth:`finish`."""

    path: Path
    settings: str
    #: inputs of earlier runs under the same settings: name → SHA-256
    previous: dict[str, str]
    #: the ``-o`` file whose size the journal records (``None``: stdout or a directory)
    output: Path | None = None
    #: the earlier runs wrote under other settings (or there was no state): everything is redone
    fresh: bool = True
    #: what the start found and did, for stderr (a replayed journal, a cut output)
    notes: list[str] = field(default_factory=list)
    counts: dict[str, int] = field(default_factory=lambda: {"new": 0, "changed": 0, "unchanged": 0})
    #: finished in this run: name → SHA-256
    finished: dict[str, str] = field(default_factory=dict)
    #: names seen among this run's inputs
    seen: set[str] = field(default_factory=set)
    #: selected inputs whose records have not come back yet, in input order
    pending: deque[tuple[str, str | None]] = field(default_factory=deque)
    journal: Any = None
    #: the journal on disk is this settings' (a killed run's): append to it
    journal_continues: bool = False
    output_size: int | None = None

    @property
    def journal_path(self) -> Path:
        return self.path.with_name(self.path.name + ".journal")

    @classmethod
    def open(cls, path: Path, settings: str, output: Path | None) -> RunState:
        """Load ``path`` (absent: a first run) and replay a journal an interrupted run left;
        cut an ``output`` file back to the size the last finished input left it at."""
        state = cls(path=path, settings=settings, previous={}, output=output)
        saved = _load_state(path)
        if saved is not None and saved["settings"] == settings:
            state.previous = dict(saved["inputs"])
            state.output_size = saved.get("output_size")
            state.fresh = False
        replayed = state._replay_journal()
        if replayed:
            state.notes.append(
                f"{state.journal_path}: {replayed} input(s) an interrupted run finished are kept"
            )
        elif saved is not None and state.fresh:
            state.notes.append(f"{path} was written with other settings: every input is redone")
        state._cut_output()
        return state

    def _replay_journal(self) -> int:
        """Add the inputs a killed run journaled; return how many (0 when there is no journal
        or it belongs to other settings)."""
        try:
            lines = self.journal_path.read_text(encoding="utf-8").splitlines()
        except FileNotFoundError:
            return 0
        except (OSError, UnicodeDecodeError) as error:
            raise StateError(f"cannot read {self.journal_path}: {error}") from None
        if not lines or _json_or_none(lines[0]) != {"settings": self.settings}:
            return 0  # another settings' journal: those records are not this run's concern
        self.journal_continues = True
        self.fresh = False  # the killed run's records stand; this run continues after them
        replayed = 0
        for line in lines[1:]:
            entry = _json_or_none(line)  # a line cut by the kill is ignored
            if not isinstance(entry, dict) or not isinstance(entry.get("path"), str):
                continue
            self.previous[entry["path"]] = entry["sha256"]
            self.output_size = entry.get("size")
            replayed += 1
        return replayed

    def _cut_output(self) -> None:
        """Remove records written after the last finished input (an interrupted run's)."""
        if self.fresh or self.output is None or self.output_size is None:
            return
        try:
            size = self.output.stat().st_size
        except FileNotFoundError:
            return
        if size > self.output_size:
            with open(self.output, "r+b") as handle:
                handle.truncate(self.output_size)
            self.notes.append(
                f"{self.output}: {size - self.output_size} bytes of records an interrupted "
                "run wrote after its last finished input removed (those inputs are redone)"
            )

    def select(self, inputs: Iterable[Input]) -> Iterator[Input]:
        """The inputs to do: new or changed ones (and untracked ones); the unchanged are counted
        and skipped."""
        for item in inputs:
            name = source_name(item.source)
            digest = content_hash(item)
            self.seen.add(name)
            before = self.previous.get(name)
            if digest is not None and before == digest:
                self.counts["unchanged"] += 1
                self.finished[name] = digest
                continue
            self.counts["new" if before is None else "changed"] += 1
            self.pending.append((name, digest))
            yield item

    def done(self, output_size: int | None) -> None:
        """The next selected input's records are written (and flushed): journal it."""
        name, digest = self.pending.popleft()
        if digest is None:
            return
        self.finished[name] = digest
        if self.journal is None:
            self.path.parent.mkdir(parents=True, exist_ok=True)
            mode = "a" if self.journal_continues else "w"
            self.journal = open(self.journal_path, mode, encoding="utf-8")  # noqa: SIM115
            if mode == "w":
                self.journal.write(json.dumps({"settings": self.settings}) + "\n")
        entry = {"path": name, "sha256": digest, "size": output_size}
        self.journal.write(json.dumps(entry, ensure_ascii=False) + "\n")
        self.journal.flush()
        self.output_size = output_size

    @property
    def gone(self) -> int:
        return len(self.previous.keys() - self.seen)

    def finish(self, complete: bool, output_size: int | None = None) -> None:
        """Write the state atomically and drop the journal.  Only a ``complete`` run (every input
        seen) forgets the gone inputs; an interrupted one keeps what it did not reach.

        ``output_size`` is the ``-o`` file's size at the end of a complete run: it also counts
        the records of untracked inputs after the last journaled one, which the next run must
        not take for an interrupted run's.  An interrupted run keeps the journaled size."""
        if complete and output_size is not None:
            self.output_size = output_size
        inputs = {} if complete else dict(self.previous)
        inputs.update(self.finished)
        document = {
            "format": STATE_FORMAT,
            "version": STATE_VERSION,
            "settings": self.settings,
            "output_size": self.output_size,
            "inputs": dict(sorted(inputs.items())),
        }
        if self.journal is not None:
            self.journal.close()
        _write_atomically(self.path, json.dumps(document, ensure_ascii=False, indent=0))
        self.journal_path.unlink(missing_ok=True)

    def summary(self) -> str:
        counts = self.counts
        return (
            f"state: {counts['new']} new, {counts['changed']} changed, "
            f"{counts['unchanged']} unchanged, {self.gone} gone"
        )


def _json_or_none(line: str) -> Any:
    try:
        return json.loads(line)
    except ValueError:
        return None


def _load_state(path: Path) -> dict[str, Any] | None:
    """The saved state, ``None`` when there is none yet; a file that is not a state is refused."""
    try:
        text = path.read_text(encoding="utf-8")
    except FileNotFoundError:
        return None
    except (OSError, UnicodeDecodeError) as error:
        raise StateError(f"cannot read {path}: {error}") from None
    document = _json_or_none(text)
    if not isinstance(document, dict) or document.get("format") != STATE_FORMAT:
        raise StateError(f"{path} is not a zakerclean state file (give a new path to start one)")
    if document.get("version") != STATE_VERSION or not isinstance(document.get("inputs"), dict):
        version = document.get("version")
        raise StateError(f"{path}: unsupported or damaged state (version {version!r})")
    return document


def _write_atomically(path: Path, text: str) -> None:
    """Replace ``path`` with ``text`` so that a reader (or a crash) sees the old file or the new
    one, never a part: a temporary file in the same directory, fsynced, then ``os.replace``."""
    path.parent.mkdir(parents=True, exist_ok=True)
    handle, temporary = tempfile.mkstemp(dir=path.parent, prefix=f".{path.name}.", suffix=".tmp")
    try:
        with os.fdopen(handle, "w", encoding="utf-8") as stream:
            stream.write(text)
            stream.flush()
            os.fsync(stream.fileno())
        os.replace(temporary, path)
    except BaseException:
        Path(temporary).unlink(missing_ok=True)
        raise
