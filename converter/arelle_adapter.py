"""The one door to Arelle: load, validate and read back reports, in-process and offline.

Stage: validate. Input: report paths (iXBRL files, xBRL-XML instances, report packages) and
``EngineSettings``; output: ``EngineOutcome`` values holding plain ``Finding`` records (Arelle's
messages and our own checks), never Arelle objects. This is the only module that imports
Arelle, and only inside functions, so that ``import converter`` stays fast.

Why it is more than a call to ``arelleCmdLine``:

* One controller per process: Python start-up, Arelle import and package activation (~1.5 s)
  are paid once per batch, not once per report.
* The taxonomy is loaded once per batch. Reports whose DTS starts from the same pinned
  entry points share a *base* model loaded in the parent process; each report is then
  validated in a ``fork``-ed child that loads only the report's own documents into its
  copy-on-write copy of the base (Arelle's ``ModelDocument.load`` reuses documents already in
  ``urlDocs``). The child may mutate the base freely: its copy dies with it. Arelle is not
  thread-safe, so processes are also how ``jobs`` run in parallel, and a crash or a hang in
  one report cannot take the batch down.
* Correctness guard: the base is used only when its entry points are part of the report's own
  DTS (checked after loading, in the child); otherwise the child reloads the report from
  scratch, exactly as ``arelleCmdLine`` would. Base loads that log anything at warning level
  or above are not reused either (their messages belong to every report).
* From the third report on a base, the parent also pre-computes what every validation would
  rebuild (relationship sets, concept type caches, xlink checks of the base's links); the
  child drops exactly the cached sets its own linkbases made stale (``_loading_into``).
  The parent counts as one of the ``jobs`` workers while it does so: the first ``jobs - 1``
  reports start on the base as loaded and run beside the pre-warm, not after it.
* A single report with no base loaded yet runs in-process (no fork: the cheapest path);
  the base is kept for the next call in the same process (``convert`` validates report after
  report).

Arelle-free parts live beside it: the pre-scan that groups reports by taxonomy
(``dts_prescan``) and the forked workers (``worker_pool``).
"""
from __future__ import annotations

import builtins
import contextlib
import functools
import gc
import os
import sys
import time
from collections.abc import Callable, Iterator, Sequence
from dataclasses import dataclass, field
from decimal import Decimal, InvalidOperation
from typing import Any

from .checks import FactRecord, Finding, own_findings, printed_label
from .dts_prescan import referenced_urls
from .errors import TaxonomyError, ValidationEngineError
from .worker_pool import Worker, wait_any

# Arelle's level names folded into our three severities.
_ERROR_LEVELS = {"ERROR", "CRITICAL", "FATAL", "INCONSISTENCY", "ERROR-SEMANTIC", "ASSERTION-ERROR"}
_WARNING_LEVELS = {"WARNING", "WARNING-SEMANTIC", "ASSERTION-WARNING"}
# Arelle's progress chatter ("loaded in 1.8 secs", "Activation of package ...").
_CHATTER_CODES = {"info", "", "info:profileActivity"}
_PREWARM_MIN_REPORTS = 3     # pre-computed relationship sets pay from the third
_KEEP_BASES = 2              # loaded taxonomies kept between calls in one process


@dataclass(frozen=True)
class EngineSettings:
    """How Arelle is run: the same for every report of a batch (and picklable)."""

    packages: tuple[str, ...]
    calcs: str = "c11r"                     # Calculations 1.1, round-to-nearest
    base_validation: str = "none"           # the pinned packages are known valid
    duplicates: str = "inconsistent"        # Arelle's duplicate-fact check
    plugins: tuple[str, ...] = ()           # e.g. ("validate/ESEF",)
    disclosure_system: str | None = None    # e.g. "esef"
    quality_code_prefixes: tuple[str, ...] = ()  # codes reported as warnings, e.g. ("ESEF.",)
    timeout: float | None = 600.0           # seconds per report in a batch; None: no limit
    reuse_dts: bool = True                  # share a base model across a batch (fork only)


@dataclass
class EngineOutcome:
    """What the engine found in one entry (a file or a package)."""

    entry: str
    findings: list[Finding] = field(default_factory=list)
    facts: int = 0
    documents: list[str] = field(default_factory=list)   # the report documents loaded
    seconds: float = 0.0
    dts_reused: bool = False


def arelle_version() -> str:
    try:
        from importlib.metadata import version
        return version("arelle-release")
    except Exception:  # pragma: no cover - metadata missing in odd installs
        return "unknown"


_gettext: list[Any] = []     # the ``_`` Arelle installs in builtins, kept to restore it


@contextlib.contextmanager
def _arelle_call() -> Iterator[None]:
    """Around every Arelle call.

    * stdout stays ours (for JSON): Arelle prints plug-in tracebacks there;
    * Arelle's translation function is ``builtins._`` again (doctest, IPython and the
      interactive shell set ``_`` to the last value shown);
    * no cyclic garbage collection: loading a taxonomy allocates millions of objects and
      the collector, triggered by allocation counts, walks them again and again for
      nothing (Arelle frees models explicitly). ~10 % of a report's wall time, a few MB.
      Restored on exit, so a program that imports us keeps its own setting.
    """
    if _gettext and not callable(getattr(builtins, "_", None)):
        builtins._ = _gettext[0]  # type: ignore[attr-defined]
    collecting = gc.isenabled()
    gc.disable()
    try:
        with contextlib.redirect_stdout(sys.stderr):
            yield
    finally:
        if collecting:
            gc.enable()


@dataclass
class _Base:
    """A DTS loaded once in the parent, shared with forked children."""

    key: tuple[str, ...]
    model: Any
    entry_docs: list[Any]
    base_set_sizes: dict[Any, int]
    prewarmed: bool = False
    uses: int = 0
    link_memo: tuple[frozenset[Any], frozenset[Any], frozenset[Any]] | None = None


class Engine:
    """An Arelle controller configured once: packages activated, plug-ins loaded, offline.

    Use as a context manager; one per process (Arelle keeps global state).
    """

    def __init__(self, settings: EngineSettings) -> None:
        self.settings = settings
        self._bases: dict[tuple[str, ...], _Base] = {}
        self._seen_keys: set[tuple[str, ...]] = set()
        self._urls: dict[tuple[str, int, int], set[str]] = {}
        try:
            with _arelle_call():
                from arelle.CntlrCmdLine import createCntlrAndPreloadPlugins
                from arelle.RuntimeOptions import RuntimeOptions

                self._RuntimeOptions = RuntimeOptions
                cntlr = createCntlrAndPreloadPlugins(
                    uiLang=None, disablePersistentConfig=True, arellePluginModules={})
                if callable(getattr(builtins, "_", None)):
                    _gettext[:] = [builtins._]  # type: ignore[attr-defined]
                cntlr.startLogging(logFileName="logToStructuredMessage", logLevel="DEBUG",
                                   logRefObjectProperties=True)
                cntlr.postLoggingInit()
                self.cntlr = cntlr
                # "temp" is a no-op plug-in command: it makes run() stop after activating
                # plug-ins and packages, before looking for an entry point.
                plugins = "|".join(("temp",) + settings.plugins)
                cntlr.run(RuntimeOptions(plugins=plugins, packages=list(settings.packages),
                                         workOffline=True, internetConnectivity="offline",
                                         disablePersistentConfig=True))
        except (ImportError, OSError) as exc:
            raise ValidationEngineError(f"cannot start Arelle: {exc}") from exc
        problems = [m for m in self._messages() if m.get("levelname") in _ERROR_LEVELS]
        self._clear()
        if problems:
            first = problems[0]
            raise TaxonomyError(
                f"cannot activate taxonomy package or plug-in: {first.get('msg', '').strip()} "
                f"[{first.get('messageCode')}] ({', '.join(settings.packages)})")

    # ------------------------------------------------------------------ lifecycle
    def __enter__(self) -> Engine:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()

    def close(self) -> None:
        for base in list(self._bases.values()):
            self._drop_base(base)
        with contextlib.suppress(Exception):
            self.cntlr.close()

    def _messages(self) -> list[dict[str, Any]]:
        return list(getattr(self.cntlr.logHandler, "messages", []))

    def _clear(self) -> None:
        messages = getattr(self.cntlr.logHandler, "messages", None)
        if messages is not None:
            messages.clear()

    def _options(self, entry: str) -> Any:
        s = self.settings
        return self._RuntimeOptions(
            entrypointFile=entry, validate=True, keepOpen=True, workOffline=True,
            internetConnectivity="offline", disablePersistentConfig=True,
            baseTaxonomyValidationMode=s.base_validation, calcs=s.calcs,
            validateDuplicateFacts=s.duplicates or None,
            disclosureSystemName=s.disclosure_system)

    # ------------------------------------------------------------------ one report
    def validate(self, entry: str | os.PathLike[str], base: _Base | None = None
                 ) -> EngineOutcome:
        """Load and validate one entry in this process; run our checks on the loaded model.

        With ``base`` the report is loaded *into* the base model, which is changed for good:
        only a forked child, whose copy is thrown away, may pass it.
        """
        entry = str(entry)
        started = time.perf_counter()
        outcome = EngineOutcome(entry=entry)
        try:
            with _arelle_call():
                models = self._run(entry, base)
                if base is not None:
                    if models and _contains_base(models[0], base):
                        outcome.dts_reused = True
                    else:   # the report's DTS is not a superset of the base: start afresh
                        models = self._run(entry, None)
                outcome.findings = self._arelle_findings()
                facts: list[FactRecord] = []
                roots: list[tuple[Any, str | None]] = []
                for model in models:
                    facts.extend(_fact_records(model))
                    roots.extend(_inline_roots(model))
                    outcome.documents.extend(_report_documents(model))
                outcome.facts = len(facts)
                outcome.findings.extend(own_findings(facts, roots))
                outcome.findings.extend(self._unpinned(entry))
                if base is None:
                    for model in models:
                        with contextlib.suppress(Exception):
                            model.close()
        except Exception as exc:  # Arelle bug or our bug: report it, keep the batch going
            outcome.findings.append(Finding(
                severity="error", code="ixbrl:engineFailure", source="engine",
                message=f"validation could not complete: {type(exc).__name__}: {exc}"))
        finally:
            self._clear()
        outcome.seconds = round(time.perf_counter() - started, 3)
        return outcome

    def _run(self, entry: str, base: _Base | None) -> list[Any]:
        self._clear()
        manager = self.cntlr.modelManager
        before = list(manager.loadedModelXbrls)
        with _loading_into(base) if base is not None else contextlib.nullcontext():
            self.cntlr.run(self._options(entry))
        models = [m for m in manager.loadedModelXbrls if m not in before or
                  (base is not None and m is base.model)]
        unique: list[Any] = []
        for m in models:
            if m not in unique and getattr(m, "modelDocument", None) is not None:
                unique.append(m)
        return unique

    def _arelle_findings(self) -> list[Finding]:
        prefixes = self.settings.quality_code_prefixes
        found = []
        for message in self._messages():
            finding = finding_from_message(message)
            if finding is None:
                continue
            if prefixes and finding.code.startswith(prefixes) and finding.severity == "error":
                finding = Finding(**{**finding.__dict__, "severity": "warning"})
            found.append(finding)
        return found

    # ------------------------------------------------------------------ bases
    def _start_urls(self, entry: str) -> set[str] | None:
        """``referenced_urls`` of a report, read once per file version: the batch plan
        (``base_key``) and the report's own check (``_unpinned``, in the worker, which
        inherits this memo) both need it. None when the report cannot be read."""
        try:
            stat = os.stat(entry)
            key = (entry, stat.st_mtime_ns, stat.st_size)
        except OSError:
            return None
        if key not in self._urls:
            if len(self._urls) > 10_000:    # a long-running pipeline: keep it small
                self._urls.clear()
            try:
                self._urls[key] = referenced_urls(entry)
            except Exception:
                return None
        return self._urls[key]

    def base_key(self, entry: str) -> tuple[str, ...]:
        """The pinned-package URLs the report's DTS starts from (empty: nothing to share)."""
        urls = self._start_urls(entry)
        if urls is None:
            return ()
        packages = self.cntlr.packages
        return tuple(sorted(u for u in urls if packages.is_mapped(u)))

    def _unpinned(self, entry: str) -> list[Finding]:
        """One finding per taxonomy the report starts from that no pinned package holds:
        offline, Arelle can only say it could not load a file; a pipeline needs to know
        which package to add (``--package``)."""
        urls = self._start_urls(entry)
        if urls is None:
            return []
        packages, cache = self.cntlr.packages, self.cntlr.webCache
        return [Finding(
            severity="error", code="ixbrl:taxonomyNotPinned", source="ixbrl",
            message=f"the report refers to {url}, which none of the pinned taxonomy packages "
                    "provides; validation runs offline, so add the package that holds it "
                    "with --package")
            for url in sorted(urls) if not packages.is_mapped(url) and not _cached(cache, url)]

    def load_base(self, key: tuple[str, ...]) -> _Base | None:
        """Load (once) the DTS of ``key`` into a model kept for forked children.

        None when it cannot serve as a base: nothing to load, or its loading logged anything
        at warning level or above (those messages belong to every report's verdict).
        """
        if key in self._bases:
            return self._bases[key]
        if not key:
            return None
        from arelle import ModelDocument, ModelXbrl

        with _arelle_call():
            self._clear()
            manager = self.cntlr.modelManager
            model = ModelXbrl.load(manager, key[0], "loading base DTS")
            for url in key[1:]:
                ModelDocument.load(model, url, isDiscovered=True)
            ModelXbrl.loadSchemalocatedSchemas(model)
            noisy = any(m.get("levelname") not in ("INFO", "DEBUG") for m in self._messages())
            self._clear()
            entry_docs = [model.urlDocs.get(self.cntlr.webCache.normalizeUrl(u)) for u in key]
            if noisy or model.modelDocument is None or None in entry_docs:
                model.close()
                return None
            if model in manager.loadedModelXbrls:
                manager.loadedModelXbrls.remove(model)
            # The report's linkbases will add to these lists; what grew tells which cached
            # relationship sets went stale (see _drop_stale_relationship_sets).
            base = _Base(key=key, model=model, entry_docs=entry_docs,
                         base_set_sizes={k: len(v) for k, v in model.baseSets.items()})
            self._bases[key] = base
            return base

    def _memo_links(self, model: Any) -> tuple[frozenset[Any], frozenset[Any],
                                               frozenset[Any]] | None:
        """Run Arelle's xlink checks on the base's own links once, here in the parent.

        ``ValidateXbrl.checkLinks`` judges each extended link by its own children only, and
        leaves two sets behind (arcroles of generic arcs, prohibited remote-resource
        locators); a report cannot change a base link. So each child checks only the
        report's links and adds the base's sets (``_checked_links_once``): ~0.13 s of a
        ~0.6 s report. Any message here (a base with xlink errors) disables the shortcut.
        """
        from arelle.ValidateXbrl import ValidateXbrl

        links = frozenset(link for links in model.baseSets.values() for link in links)
        val = ValidateXbrl(model)
        val.modelXbrl = model
        val.genericArcArcroles = set()
        val.remoteResourceLocElements = set()
        self._clear()
        try:
            val.checkLinks(set(links))
        except Exception:
            return None
        finally:
            noisy = bool(self._messages())
            self._clear()
        if noisy:
            return None
        return links, frozenset(val.genericArcArcroles), frozenset(val.remoteResourceLocElements)

    def _drop_base(self, base: _Base) -> None:
        self._bases.pop(base.key, None)
        with contextlib.suppress(Exception):
            base.model.close()

    # ------------------------------------------------------------------ batches
    def validate_many(self, entries: Sequence[str], jobs: int = 1,
                      on_done: Callable[[int, EngineOutcome], None] | None = None
                      ) -> list[EngineOutcome]:
        """Validate entries, sharing base DTSes and forking up to ``jobs`` children at once.

        Results come back in the order of ``entries``; ``on_done(index, outcome)`` is called
        as each finishes (for a progress bar).
        """
        results: list[EngineOutcome | None] = [None] * len(entries)

        def done(index: int, outcome: EngineOutcome) -> None:
            results[index] = outcome
            if on_done:
                on_done(index, outcome)

        can_fork = hasattr(os, "fork")
        reuse = can_fork and self.settings.reuse_dts
        keys = [self.base_key(e) if reuse else () for e in entries]
        lone = len(entries) == 1 and (not keys[0] or (
            keys[0] not in self._bases and keys[0] not in self._seen_keys))
        self._seen_keys.update(keys)
        if not can_fork or lone:
            # One report and no base loaded for it: in-process is the cheapest (no fork, no
            # copy-on-write faults). A second call with the same base (``convert`` validating
            # report after report) loads the base and forks from then on.
            for i, entry in enumerate(entries):
                done(i, self.validate(entry))
            return [r for r in results if r is not None]

        remaining: dict[tuple[str, ...], int] = {}
        for key in keys:
            remaining[key] = remaining.get(key, 0) + 1
        # Group reports by base so each base is needed during one stretch of the batch.
        pending = sorted(range(len(entries)), key=lambda i: (keys.index(keys[i]), i))
        running: dict[int, Worker] = {}
        try:
            while pending or running:
                while pending and len(running) < max(1, jobs):
                    index = pending.pop(0)
                    key = keys[index]
                    base = self._base_for(key) if key else None
                    if base is not None and self._prewarm_pays(base, remaining[key]) \
                            and len(running) >= jobs - 1:
                        # The parent is the last of the ``jobs`` workers while it pre-warms:
                        # the first ``jobs - 1`` reports run on the base as loaded beside it.
                        self._prewarm_base(base)
                    if base is not None:
                        base.uses += 1
                    worker = Worker.start(index, entries[index], functools.partial(
                        self.validate, entries[index], base))
                    running[worker.fd] = worker
                for worker in wait_any(list(running.values()), self.settings.timeout):
                    del running[worker.fd]
                    done(worker.index, _worker_outcome(worker))
                    remaining[keys[worker.index]] -= 1
        finally:   # interrupted (Ctrl-C, a bug): leave no worker behind
            for worker in running.values():
                worker.kill()
        self._trim_bases()
        return [r for r in results if r is not None]

    def _trim_bases(self) -> None:
        """Keep the most recently used bases for the next call (``convert`` validates one
        report per call); each holds a loaded taxonomy (~250 MB for the IFRS one)."""
        for base in list(self._bases.values())[:-_KEEP_BASES]:
            self._drop_base(base)

    def _base_for(self, key: tuple[str, ...]) -> _Base | None:
        """The shared base for ``key``, loaded on first need."""
        base = self._bases.pop(key, None)
        if base is None:
            # Children already forked keep their copy: dropping the oldest base is safe, and
            # a batch is ordered by base, so a dropped one is not needed again.
            while len(self._bases) >= _KEEP_BASES:
                self._drop_base(next(iter(self._bases.values())))
            base = self.load_base(key)
        if base is not None:
            self._bases[key] = base      # most recently used last
        return base

    @staticmethod
    def _prewarm_pays(base: _Base, planned: int) -> bool:
        """Pre-computing costs about a report's validation: worth it from the third report
        on a base, in this batch (``planned``) or over the calls of this process."""
        return not base.prewarmed and (planned >= _PREWARM_MIN_REPORTS
                                       or base.uses + 1 >= _PREWARM_MIN_REPORTS)

    def _prewarm_base(self, base: _Base) -> None:
        with _arelle_call():
            _prewarm(base.model)
            base.link_memo = self._memo_links(base.model)
        base.prewarmed = True


def _cached(cache: Any, url: str) -> bool:
    """Arelle has the file offline anyway: its bundled XBRL specification schemas, or its
    download cache."""
    try:
        path = cache.getfilename(url)
    except Exception:
        return False
    return bool(path) and os.path.isfile(path)


def _worker_outcome(worker: Worker) -> EngineOutcome:
    """The outcome a worker sent, or a finding that says why there is none."""
    seconds = worker.elapsed()
    if worker.timed_out:
        return EngineOutcome(entry=worker.entry, seconds=seconds, findings=[Finding(
            severity="error", code="ixbrl:timeout", source="engine",
            message=f"validation did not finish within {seconds:.0f} s and was stopped")])
    outcome = worker.result()
    if isinstance(outcome, EngineOutcome):
        return outcome
    return EngineOutcome(entry=worker.entry, seconds=seconds, findings=[Finding(
        severity="error", code="ixbrl:engineFailure", source="engine",
        message=f"the validation worker died ({worker.failure()}) before reporting")])


# ---------------------------------------------------------------------- base helpers
_CONCEPT_MEMOS = ("isNumeric", "isItem", "isTuple", "isHypercubeItem",
                  "isDimensionItem", "isPrimaryItem", "isMonetary", "baseXbrliType", "type")


def _prewarm(model: Any) -> None:
    """Compute, once in the parent, the caches every report's validation would rebuild:
    the relationship sets of the base's own networks (cycle and dimension checks, labels)
    and each concept's type derivation. ~0.7 s saved per report."""
    from arelle import XbrlConst

    for key in list(model.baseSets.keys()):
        arcrole, linkrole, linkqname, arcqname = key
        if not isinstance(arcrole, str) or arcrole.startswith("XBRL-") or \
                arcrole == "Table-rendering":
            continue
        if (linkrole and linkqname and arcqname) or \
                (XbrlConst.isDimensionArcrole(arcrole) and linkqname is None and arcqname is None) \
                or (arcrole == XbrlConst.conceptLabel and not (linkrole or linkqname or arcqname)):
            model.relationshipSet(arcrole, linkrole, linkqname, arcqname)
    for concept in list(model.qnameConcepts.values()):
        with contextlib.suppress(Exception):
            # Arelle memoises these on the concept object; every report's concept checks
            # (ValidateXbrl.validate walks all ~5,500 IFRS concepts) read them.
            for name in _CONCEPT_MEMOS:
                getattr(concept, name)
            # Arelle recomputes this one at every read (a walk over ~14 enumeration types)
            concept._ixbrlIsEnumeration = concept.isEnumeration


@contextlib.contextmanager
def _loading_into(base: _Base) -> Iterator[None]:
    """Within the block, Arelle loads the next report into ``base.model`` (its first
    ``ModelXbrl.create`` returns the base) and, when the base was pre-warmed, drops the
    relationship sets the report's linkbases made stale, after loading and again before
    validating. Hooks module functions that ``CntlrCmdLine.run`` looks up at call time; all
    are restored on exit."""
    from arelle import ModelXbrl, Validate

    original_create, original_load = ModelXbrl.create, ModelXbrl.load
    original_validate = Validate.validate

    def create(modelManager: Any, newDocumentType: Any = None, *args: Any, **kwargs: Any
               ) -> Any:
        ModelXbrl.create = original_create      # only the report's own model
        if newDocumentType is not None:
            return original_create(modelManager, newDocumentType, *args, **kwargs)
        if kwargs.get("errorCaptureLevel") is not None:
            base.model.errorCaptureLevel = kwargs["errorCaptureLevel"]
        return base.model

    def load(*args: Any, **kwargs: Any) -> Any:
        try:
            return original_load(*args, **kwargs)
        finally:
            if base.prewarmed:
                _drop_stale_relationship_sets(base)

    def validate(modelXbrl: Any, *args: Any, **kwargs: Any) -> Any:
        if modelXbrl is not base.model or not base.prewarmed:
            return original_validate(modelXbrl, *args, **kwargs)
        _drop_stale_relationship_sets(base)
        with _memoised_enumerations(), (_checked_links_once(base) if base.link_memo
                                         is not None else contextlib.nullcontext()):
            return original_validate(modelXbrl, *args, **kwargs)

    ModelXbrl.create, ModelXbrl.load, Validate.validate = create, load, validate
    try:
        yield
    finally:
        ModelXbrl.create, ModelXbrl.load = original_create, original_load
        Validate.validate = original_validate


@contextlib.contextmanager
def _memoised_enumerations() -> Iterator[None]:
    """Within the block, ``ModelConcept.isEnumeration`` reads the value ``_prewarm`` stored
    on each base concept (a concept's type derivation cannot change once loaded); other
    concepts, the report's own, are computed as ever."""
    from arelle.ModelDtsObject import ModelConcept

    original = ModelConcept.__dict__["isEnumeration"]

    def is_enumeration(concept: Any) -> bool:
        try:
            return concept._ixbrlIsEnumeration
        except AttributeError:
            return original.fget(concept)

    ModelConcept.isEnumeration = property(is_enumeration)  # type: ignore[method-assign]
    try:
        yield
    finally:
        ModelConcept.isEnumeration = original  # type: ignore[method-assign]


@contextlib.contextmanager
def _checked_links_once(base: _Base) -> Iterator[None]:
    """Within the block, ``checkLinks`` skips the base links the parent already checked and
    adds the sets they left behind (see ``Engine._memo_links``)."""
    from arelle.ValidateXbrl import ValidateXbrl

    assert base.link_memo is not None
    checked, generic_arcroles, remote_locs = base.link_memo
    original = ValidateXbrl.checkLinks

    def check_links(self: Any, modelLinks: set[Any]) -> None:
        if self.modelXbrl is not base.model:
            return original(self, modelLinks)
        original(self, {link for link in modelLinks if link not in checked})
        self.genericArcArcroles.update(generic_arcroles)
        self.remoteResourceLocElements.update(remote_locs)

    ValidateXbrl.checkLinks = check_links  # type: ignore[method-assign]
    try:
        yield
    finally:
        ValidateXbrl.checkLinks = original  # type: ignore[method-assign]


def _drop_stale_relationship_sets(base: _Base) -> None:
    """A relationship set is built from the ``baseSets`` lists of its key only; when the
    report added links to any of those lists the cached set is stale. Arelle caches nothing
    else from links, so dropping exactly those sets keeps validation equal to a fresh load."""
    model = base.model
    changed = {k for k, v in model.baseSets.items() if len(v) != base.base_set_sizes.get(k, 0)}
    if not changed:
        return
    for key in list(model.relationshipSets.keys()):
        if len(key) != 5:
            del model.relationshipSets[key]
            continue
        arcrole, linkrole, linkqname, arcqname, _prohibits = key
        arcroles = arcrole if isinstance(arcrole, (tuple, frozenset)) else (arcrole,)
        linkroles = linkrole if isinstance(linkrole, (tuple, frozenset)) else (linkrole,)
        if any((a, lr, linkqname, arcqname) in changed for a in arcroles for lr in linkroles):
            del model.relationshipSets[key]


def _contains_base(model: Any, base: _Base) -> bool:
    """True when every base entry document is part of the report's discovered DTS."""
    seen: set[int] = set()
    stack = [model.modelDocument]
    while stack:
        doc = stack.pop()
        if doc is None or id(doc) in seen:
            continue
        seen.add(id(doc))
        stack.extend(getattr(doc, "referencesDocument", {}).keys())
        for ixds_doc in getattr(doc, "ixdsDocs", ()) or ():
            stack.append(ixds_doc)
    return all(id(d) in seen for d in base.entry_docs)


# ---------------------------------------------------------------------- reading the model
def finding_from_message(message: dict[str, Any]) -> Finding | None:
    """One Arelle structured log message as a ``Finding`` (None for progress chatter)."""
    level = str(message.get("levelname") or "INFO").upper()
    code = str(message.get("messageCode") or "")
    if level in ("INFO", "DEBUG") and code in _CHATTER_CODES:
        return None
    severity = "error" if level in _ERROR_LEVELS else \
        "warning" if level in _WARNING_LEVELS else "info"
    text = " ".join(str(message.get("msg") or "").split())
    refs = message.get("refs")
    ref = refs[0] if isinstance(refs, list) and refs and isinstance(refs[0], dict) else {}
    props = {p[0]: p[1] for p in ref.get("properties") or [] if isinstance(p, (list, tuple))
             and len(p) >= 2}
    href = str(ref.get("href") or "")
    file = href.split("#")[0].rsplit("/", 1)[-1] or None
    line = ref.get("sourceLine")
    unit = props.get("unitRef")
    return Finding(
        severity=severity, code=code or "arelle:unknown", message=text, source="arelle",
        concept=_text(props.get("QName")), context=_text(props.get("contextRef")),
        unit=str(unit).split(" ")[0] if unit else None, value=_text(props.get("value")),
        file=file, line=int(line) if str(line).isdigit() and int(line) > 0 else None,
        element_id=_text(props.get("id")), level=level)


def _text(value: Any) -> str | None:
    return None if value is None or value == "" else str(value)


def _fact_records(model: Any) -> Iterator[FactRecord]:
    labels: dict[Any, str] = {}
    facts = sorted(getattr(model, "factsInInstance", ()), key=lambda f: (
        str(getattr(f.modelDocument, "basename", "")), f.sourceline or 0, f.id or ""))
    for fact in facts:   # in document order: findings come out the same on every run
        concept = fact.concept
        if concept is None or not concept.isNumeric:
            continue
        if concept not in labels:
            try:
                labels[concept] = concept.label(lang="en", fallbackToQname=False) or ""
            except Exception:
                labels[concept] = ""
        doc = fact.modelDocument
        is_inline = getattr(doc, "type", None) == _inline_type()
        yield FactRecord(
            concept=str(fact.qname), value=_decimal_value(fact), context=fact.contextID or "",
            unit=fact.unitID, decimals=_decimals(fact.decimals), balance=concept.balance,
            standard_label=labels[concept],
            printed_label=printed_label(fact) if is_inline else "",
            element_id=fact.id, file=getattr(doc, "basename", None), line=fact.sourceline,
            dimensional=bool(getattr(fact.context, "qnameDims", None)))


def _inline_type() -> int:
    from arelle.ModelDocument import Type
    return Type.INLINEXBRL


def _decimal_value(fact: Any) -> Decimal | None:
    if fact.isNil:
        return None
    value = getattr(fact, "xValue", None)
    if isinstance(value, (Decimal, int)):
        return Decimal(value)
    try:
        return Decimal(str(fact.value).strip())
    except (InvalidOperation, ValueError, TypeError):
        return None


def _decimals(text: Any) -> int | None:
    try:
        return int(text)
    except (TypeError, ValueError):
        return None


def _inline_roots(model: Any) -> Iterator[tuple[Any, str | None]]:
    inline = _inline_type()
    for doc in list(model.urlDocs.values()):
        if getattr(doc, "type", None) == inline and doc.xmlRootElement is not None:
            yield doc.xmlRootElement, doc.basename


def _report_documents(model: Any) -> Iterator[str]:
    from arelle.ModelDocument import Type

    for doc in list(model.urlDocs.values()):
        if getattr(doc, "type", None) in (Type.INLINEXBRL, Type.INSTANCE):
            yield doc.basename
