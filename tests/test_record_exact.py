"""``Article.to_record``'s JSON columns, exactly: readable Chinese (no ``\\u`` escapes), meta keys
sorted, values JSON cannot hold written as text; ``CleanReport.count`` per rule.  Pinned where the
mutation run (docs/mutation.md) found only the column names checked."""

from __future__ import annotations

import json

from zakerclean import parse

POST = """
---
title: 记录的列
categories:
  - 新媒体
  - ZAKER
  - 科技频道
headimg: https://img.example.com/cover.jpg
author: 作者
comments: false
date: Sat, 17 Apr 2021 17:10:46 GMT
zeta: 最后一个键
alpha: 2021-04-17 10:00:00
---
<div><p>正文一段。</p>
<div class="img_box"><div class="content_img_div"><img class="lazy" data-original="https://img.example.com/a.jpg"></div></div>
<div class="iframe_video"><iframe src="https://v.qq.com/iframe/player.html?vid=abc"></iframe></div>
<p></p><p> </p></div>
"""


def test_json_columns_are_exact() -> None:
    record = parse(POST).to_record()
    assert record["categories"] == '["新媒体", "ZAKER", "科技频道"]'
    assert record["image_urls"] == '["https://img.example.com/a.jpg"]'
    assert record["video_urls"] == '["https://v.qq.com/iframe/player.html?vid=abc"]'
    meta = record["meta"]
    assert meta == '{"alpha": "2021-04-17 10:00:00", "comments": false, "zeta": "最后一个键"}'
    assert list(json.loads(meta)) == sorted(json.loads(meta))


def test_report_count_is_per_rule() -> None:
    report = parse(POST).report
    assert report.steps  # several rules changed something
    for name, count in report.steps:
        assert report.count(name) == count
    assert report.count("no such rule") == 0


def test_credit_columns_are_exact() -> None:
    article = parse(
        "<p>正文一段，说了一件事。</p><p>记者 张三 李四</p><p>（王五 摄）</p><p>责任编辑：赵六</p>"
    )
    record = article.to_record()
    assert record["credit_editor"] == '["赵六"]'
    assert record["credit_reporter"] == '["张三 李四"]'
    assert record["credit_photographer"] == '["王五"]'
    empty = parse("<p>正文一段。</p>").to_record()
    assert (empty["credit_editor"], empty["credit_reporter"], empty["credit_photographer"]) == (
        "[]",
        "[]",
        "[]",
    )


def test_url_columns_hold_ascii_urls_only() -> None:
    # cleaned URLs are percent-encoded, so ensure_ascii cannot change these columns
    article = parse(
        '<p>正文</p><p><img src="https://img.example.com/图.jpg"></p>'
        '<video src="https://v.example.com/视频.mp4"></video>'
    )
    record = article.to_record()
    assert record["image_urls"] == '["https://img.example.com/%E5%9B%BE.jpg"]'
    assert record["video_urls"] == '["https://v.example.com/%E8%A7%86%E9%A2%91.mp4"]'
