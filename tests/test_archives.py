"""Archives as inputs (SPEC §7): members read in memory, hostile archives refused member by member.

Every archive here is built in ``tmp_path`` by the test (no binaries in the repository).
"""

from __future__ import annotations

import io
import json
import tarfile
import zipfile
from pathlib import Path

import jsonschema
import pytest

from zakerclean.options import CleanOptions
from zakerclean.runners.archives import iter_members
from zakerclean.runners.cli import main
from zakerclean.writers.records import record_schema

POST = "---\ntitle: 档案里的文章 {n}\n---\n<p>第{n}篇正文，讲述一个与众不同的故事。</p>\n".encode()


def post(n: int) -> bytes:
    return POST.replace(b"{n}", str(n).encode())


def make_zip(path: Path, members: dict[str, bytes]) -> Path:
    with zipfile.ZipFile(path, "w", compression=zipfile.ZIP_DEFLATED) as archive:
        for name, data in members.items():
            archive.writestr(name, data)
    return path


def mark_encrypted(path: Path, name: str) -> None:
    """Set the "encrypted" flag of member ``name`` (zipfile cannot write encrypted members):
    the reader must refuse it from the flag, without trying to decrypt it."""
    data = bytearray(path.read_bytes())
    encoded = name.encode()
    for signature, flag_at, name_at in ((b"PK\x03\x04", 6, 30), (b"PK\x01\x02", 8, 46)):
        start = data.find(signature)
        while start != -1:
            if data[start + name_at : start + name_at + len(encoded)] == encoded:
                data[start + flag_at] |= 0x1
            start = data.find(signature, start + 4)
    path.write_bytes(bytes(data))


def add_tar(archive: tarfile.TarFile, name: str, data: bytes) -> None:
    info = tarfile.TarInfo(name)
    info.size = len(data)
    archive.addfile(info, io.BytesIO(data))


def clean(capsys: pytest.CaptureFixture[str], *args: str) -> tuple[int, list[dict[str, object]]]:
    code = main(["clean", "--no-progress", *args])
    lines = capsys.readouterr().out.splitlines()
    return code, [json.loads(line) for line in lines]


def test_zip_members_are_inputs(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    archive = make_zip(
        tmp_path / "news.zip",
        {"a.md": post(1), "sub/b.html": post(2), "notes.txt": b"skipped", "sub/": b""},
    )
    code, records = clean(capsys, str(archive))
    assert code == 0
    assert [r["path"] for r in records] == [f"{archive}!a.md", f"{archive}!sub/b.html"]
    assert [r["title"] for r in records] == ["档案里的文章 1", "档案里的文章 2"]
    schema = json.loads(json.dumps(record_schema()))
    for record in records:
        jsonschema.validate(record, schema)


@pytest.mark.parametrize("mode", ["w", "w:gz"])
def test_tar_members_are_inputs(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], mode: str
) -> None:
    archive = tmp_path / ("news.tar" if mode == "w" else "news.tgz")
    with tarfile.open(archive, mode) as tar:
        add_tar(tar, "a.md", post(1))
        add_tar(tar, "dir/b.md", post(2))
    code, records = clean(capsys, str(archive))
    assert code == 0
    assert [r["path"] for r in records] == [f"{archive}!a.md", f"{archive}!dir/b.md"]


def test_hostile_zip_members_are_refused_one_by_one(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    archive = tmp_path / "hostile.zip"
    with zipfile.ZipFile(archive, "w", compression=zipfile.ZIP_DEFLATED) as zf:
        zf.writestr("../escape.md", post(1))
        zf.writestr("/etc/absolute.md", post(2))
        zf.writestr("ok.md", post(3))
        zf.writestr("bomb.md", b" " * (4 << 20))  # 4 MiB of spaces, ~4 KiB compressed
        zf.writestr("locked.md", post(4))
    mark_encrypted(archive, "locked.md")
    code, records = clean(capsys, str(archive))
    assert code == 1
    by_name = {str(r["path"]).split("!", 1)[1]: r for r in records}
    assert set(by_name) == {"../escape.md", "/etc/absolute.md", "ok.md", "bomb.md", "locked.md"}
    assert by_name["ok.md"]["title"] == "档案里的文章 3"
    for name in ("../escape.md", "/etc/absolute.md", "bomb.md", "locked.md"):
        error = by_name[name]["error"]
        assert isinstance(error, dict) and error["type"] == "ArchiveError", name
    assert "leaves the archive" in str(by_name["../escape.md"]["error"])
    assert "zip bomb" in str(by_name["bomb.md"]["error"])
    assert "encrypted" in str(by_name["locked.md"]["error"])


def test_sizes_that_lie_are_caught_by_the_bounded_read(tmp_path: Path) -> None:
    archive = make_zip(tmp_path / "liar.zip", {"big.md": b"<p>x</p>" * 4000})
    data = bytearray(archive.read_bytes())
    # shrink the declared size in the central directory (uncompressed size at offset 24)
    central = data.rfind(b"PK\x01\x02")
    data[central + 24 : central + 28] = (10).to_bytes(4, "little")
    archive.write_bytes(bytes(data))
    (member,) = iter_members(str(archive), "liar.zip", max_bytes=1000)
    assert member.error is not None and member.data == b""
    assert type(member.error).__name__ == "ArchiveError"


def test_member_over_max_bytes(tmp_path: Path) -> None:
    archive = make_zip(tmp_path / "big.zip", {"big.md": post(1) * 50})
    (member,) = iter_members(
        str(archive), "big.zip", max_bytes=CleanOptions(max_bytes=100).max_bytes
    )
    assert member.error is not None and "over the limit" in str(member.error)


def test_tar_links_devices_and_traversal(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    archive = tmp_path / "hostile.tar"
    with tarfile.open(archive, "w") as tar:
        link = tarfile.TarInfo("link.md")
        link.type = tarfile.SYMTYPE
        link.linkname = "/etc/passwd"
        tar.addfile(link)
        device = tarfile.TarInfo("device.md")
        device.type = tarfile.CHRTYPE
        tar.addfile(device)
        add_tar(tar, "../../escape.md", post(1))
        add_tar(tar, "fine.md", post(2))
    code, records = clean(capsys, str(archive))
    assert code == 1
    types = {str(r["path"]).split("!", 1)[1]: r.get("error", {}) for r in records}
    assert types["fine.md"] == {}
    for name in ("link.md", "device.md", "../../escape.md"):
        assert types[name]["type"] == "ArchiveError", name  # type: ignore[index]


def test_corrupt_archive_is_one_error_record(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    broken = tmp_path / "broken.zip"
    broken.write_bytes(b"PK\x03\x04 this is not really a zip")
    truncated = tmp_path / "cut.tar.gz"
    with tarfile.open(truncated, "w:gz") as tar:
        add_tar(tar, "a.md", post(1) * 200)
    truncated.write_bytes(truncated.read_bytes()[:200])
    code, records = clean(capsys, str(broken), str(truncated))
    assert code == 1
    errors = [r for r in records if "error" in r]
    assert {str(r["path"]) for r in errors} >= {str(broken), str(truncated)}
    assert all(r["error"]["type"] == "ArchiveError" for r in errors)  # type: ignore[index]


def test_directory_output_stays_inside_o(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    archive = make_zip(
        tmp_path / "a.zip",
        {"../../x.md": post(1), "..\\..\\y.md": post(2), "./in/z.md": post(3)},
    )
    out = tmp_path / "deep" / "out"
    code = main(["clean", "--no-progress", "--format", "md", "-o", str(out), str(archive)])
    capsys.readouterr()
    assert code == 1
    written = sorted(p.relative_to(tmp_path).as_posix() for p in tmp_path.rglob("*.md"))
    assert written == ["deep/out/a.zip/in/z.md"]


def test_archive_feeds_are_read_as_feeds(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    rss = (
        "<?xml version='1.0' encoding='utf-8'?><rss version='2.0'><channel><title>t</title>"
        "<item><title>条目一</title><description>&lt;p&gt;第一条新闻的正文。&lt;/p&gt;</description></item>"
        "<item><title>条目二</title><description>&lt;p&gt;第二条新闻的正文。&lt;/p&gt;</description></item>"
        "</channel></rss>"
    ).encode()
    archive = make_zip(tmp_path / "feeds.zip", {"feed.xml": rss})
    code, records = clean(capsys, str(archive))
    assert code == 0
    assert [r["path"] for r in records] == [f"{archive}!feed.xml#1", f"{archive}!feed.xml#2"]
