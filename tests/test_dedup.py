"""``find_duplicates`` (SPEC §9): exact and near duplicates, on small fixtures and on the corpus."""

from __future__ import annotations

import importlib.util
import pickle
import sys
from pathlib import Path
from types import ModuleType

import pytest

import zakerclean
from tests.conftest import CORPUS, requires_corpus
from zakerclean import Failure, InvalidOptionsError
from zakerclean.dedup import DuplicateIndex, shingles, signature

BENCHMARK = Path(__file__).resolve().parent.parent / "benchmarks" / "dedup.py"

# Synthetic stories (written for these tests): two on the same topic, sharing a trailer.
STORY_A = (
    "<p>本市今日启用新的公交线路，线路从东站出发，途经大学城和科技园，终点为西湖公园。</p>"
    "<p>交通部门表示，新线路每十分钟一班，早晚高峰加密到五分钟一班，票价维持两元不变。</p>"
    "<p>市民可以通过手机应用查询实时到站信息，首班车六点发车，末班车二十二点收车。</p>"
)
STORY_B = (
    "<p>本市今日调整地铁三号线运营时间，周五和周六晚间延长运营一个小时至零点。</p>"
    "<p>地铁公司表示，调整后列车间隔为八分钟，部分站点将增加安检通道以缓解客流压力。</p>"
    "<p>乘客可以通过官方公众号查询末班车时间，节假日安排另行通知，敬请留意公告。</p>"
)
TRAILER = "<p>来源：合作媒体。</p>"


def post(title: str, body: str) -> zakerclean.Article:
    return zakerclean.parse(f"---\ntitle: {title}\n---\n{body}\n")


def test_exact_duplicates_share_a_fingerprint() -> None:
    first = post("甲", STORY_A)
    spaced = post("乙", STORY_A.replace("，", "， "))
    assert first.fingerprint == spaced.fingerprint
    groups = zakerclean.find_duplicates([first, spaced])
    assert [(g.original, g.duplicates) for g in groups] == [(0, (1,))]


def test_near_duplicates_group_and_different_stories_do_not() -> None:
    articles = [
        post("公交新线", STORY_A),
        post("地铁延时", STORY_B),
        post("转发：公交新线", STORY_A + TRAILER),
        post("地铁延时", STORY_B.replace("。", ".") + TRAILER),
        post("公交", STORY_A.replace("，", ",").replace("公园", "公园 ")),
    ]
    groups = zakerclean.find_duplicates(articles)
    assert [(g.original, g.duplicates) for g in groups] == [(0, (2, 4)), (1, (3,))]


def test_threshold_decides_a_cut_paragraph() -> None:
    cut = STORY_A.split("</p>", 1)[1]  # the first of three paragraphs removed
    articles = [post("甲", STORY_A), post("甲", cut)]
    assert zakerclean.find_duplicates(articles) == []
    assert [g.duplicates for g in zakerclean.find_duplicates(articles, threshold=0.5)] == [(1,)]


def test_failures_and_empty_texts_are_skipped_but_counted() -> None:
    failure = Failure(source="x.md", error_type="EmptyInputError", message="empty")
    empty = zakerclean.parse("---\ntitle: 只有标题\n---\n")
    articles = [failure, empty, empty, post("甲", STORY_A), post("甲", STORY_A)]
    groups = zakerclean.find_duplicates(iter(articles))  # a stream, not a list
    assert [(g.original, g.duplicates) for g in groups] == [(3, (4,))]


def test_shingles_ignore_typography_and_case() -> None:
    assert shingles("ABC，“的”  d") == shingles('abc, "的" D') == {"abc的d"}
    assert shingles("ＡＢＣ的d") == {"ａｂｃ的d"}  # no width folding: the characters as written
    assert shingles("") == set()
    assert shingles("一二三四五六", 5) == {"一二三四五", "二三四五六"}


def test_signatures_are_deterministic_and_picklable() -> None:
    article = post("甲", STORY_A)
    sig = signature(article)
    assert sig == signature(article) and len(sig.hashvalues) == 128
    assert pickle.loads(pickle.dumps(sig)) == sig
    index = DuplicateIndex()
    assert index.add_signature("a", sig) is None
    assert index.add_signature("b", pickle.loads(pickle.dumps(sig))) == "a"


@pytest.mark.parametrize(
    ("field", "value"), [("threshold", 0.0), ("threshold", 1.5), ("num_perm", 4)]
)
def test_bad_parameters_are_typed_errors(field: str, value: float) -> None:
    with pytest.raises(InvalidOptionsError, match=field):
        zakerclean.find_duplicates([], **{field: value})  # type: ignore[arg-type]


def test_missing_datasketch_is_a_clear_error(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setitem(sys.modules, "datasketch", None)
    with pytest.raises(ImportError, match=r"zakerclean\[dedup\]"):
        zakerclean.find_duplicates([post("甲", STORY_A)])


def _benchmark() -> ModuleType:
    spec = importlib.util.spec_from_file_location("zakerclean_dedup_benchmark", BENCHMARK)
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    sys.modules[spec.name] = module  # dataclasses look their module up
    spec.loader.exec_module(module)
    return module


@requires_corpus
def test_precision_and_recall_on_corpus_variants() -> None:
    bench = _benchmark()
    documents = list(bench.labelled_set(CORPUS))
    kinds = {d.kind for d in documents}
    assert kinds == {
        "original",
        "title",
        "typography",
        "trailer",
        "lead",
        "cut",
        "images",
        "boiler",
    }
    result = bench.score(documents, 0.8)
    assert result.stories >= 50
    assert result.precision >= 0.95, result
    assert result.recall >= 0.95, result
