"""Hostile and heavy input files of issue 9, generated on the spot (nothing binary is committed).

Each builder writes one file into a folder and returns its path. They are shared by the tests
(``tests/models/test_hostile_inputs.py``) and the measurement script (``benchmarks/bench_hostile_inputs.py``), so the
figures in the README come from exactly the files the tests refuse or read.
"""

from __future__ import annotations

import os
import random
import resource
import signal
import subprocess
import sys
import tempfile
import time
import zipfile
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

__all__ = ["HOSTILE", "CliRun", "english_lines", "korean_lines", "run_cli", "run_command"]

ROOT = Path(__file__).resolve().parents[2]

MIB = 1024 * 1024

_WORDS = (
    "market price city council police report school teacher student music film science water energy company "
    "season player coach league court judge law health hospital doctor river forest garden kitchen table window "
    "travel airport train station weather storm summer winter history museum library computer network software"
).split()
_KOREAN = (
    "의자 책상 소파 침대 서랍장 냉장고 세탁기 노트북 모니터 키보드 청바지 코트 운동화 가방 소설 교재 동화책 "
    "유모차 카시트 장난감 냄비 프라이팬 접시 컵 택배 직거래 나눔 새상품 사용감 깨끗 상태 가격 문의 판매"
).split()


def english_lines(n_bytes: int, words_per_line: int = 18, seed: int = 0) -> bytes:
    """About ``n_bytes`` of English text, one document per line of ``words_per_line`` words."""
    rng = random.Random(seed)
    lines: list[str] = []
    size = 0
    while size < n_bytes:
        line = " ".join(rng.choices(_WORDS, k=words_per_line))
        lines.append(line)
        size += len(line) + 1
    return ("\n".join(lines) + "\n").encode("utf-8")


def korean_lines(n_bytes: int, words_per_line: int = 12, seed: int = 0) -> bytes:
    """About ``n_bytes`` (UTF-8) of Korean listing-like text, one document per line."""
    rng = random.Random(seed)
    lines: list[str] = []
    size = 0
    while size < n_bytes:
        words = rng.choices(_KOREAN, k=words_per_line)
        line = " ".join(w + rng.choice(("", "이", "을", "은", "입니다", "팝니다")) for w in words) + "."
        lines.append(line)
        size += len(line.encode("utf-8")) + 1
    return ("\n".join(lines) + "\n").encode("utf-8")


def _zip_of_mib_members(folder: Path, count: int) -> Path:
    """The issue's zip: ``count`` members of exactly 1 MiB each, deflated (each under the old 1 MB ratio check)."""
    path = folder / f"members-{count}.zip"
    member = (b"the cat sat on the mat and the dog ran in the park\n" * 30_000)[:MIB]
    with zipfile.ZipFile(path, "w", compression=zipfile.ZIP_DEFLATED, compresslevel=9) as archive:
        for i in range(count):
            archive.writestr(f"part{i:03d}.txt", member)
    return path


def zip_100(folder: Path) -> Path:
    """A ~0.2 MB zip of 100 members of exactly 1 MiB (the issue measured 302-514 s and 3.1 GB)."""
    return _zip_of_mib_members(folder, 100)


def zip_499(folder: Path) -> Path:
    """A ~1 MB zip of 499 members of 1 MiB (the issue: the CLI was killed at an 8 GB cap)."""
    return _zip_of_mib_members(folder, 499)


_DOCX_TYPES = (
    '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>'
    '<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">'
    '<Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/>'
    '<Default Extension="xml" ContentType="application/xml"/>'
    '<Override PartName="/word/document.xml" '
    'ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml"/></Types>'
)
_DOCX_RELS = (
    '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>'
    '<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">'
    '<Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/'
    'officeDocument" Target="word/document.xml"/></Relationships>'
)
_W = "http://schemas.openxmlformats.org/wordprocessingml/2006/main"


def _docx(path: Path, body: str, prolog: str = "") -> Path:
    xml = f'<?xml version="1.0" encoding="UTF-8" standalone="yes"?>{prolog}<w:document xmlns:w="{_W}"><w:body>'
    with zipfile.ZipFile(path, "w", compression=zipfile.ZIP_DEFLATED, compresslevel=9) as archive:
        archive.writestr("[Content_Types].xml", _DOCX_TYPES)
        archive.writestr("_rels/.rels", _DOCX_RELS)
        with archive.open("word/document.xml", "w") as part:
            part.write(xml.encode())
            part.write(body.encode())
            part.write(b"</w:body></w:document>")
    return path


def docx_expanding(folder: Path, paragraphs: int = 1_280_000) -> Path:
    """A ~0.4 MB .docx whose document.xml expands to ~90 MB of 1.28 M paragraphs (the issue: 1.3-4.7 GB)."""
    paragraph = "<w:p><w:r><w:t>the cat sat on the mat</w:t></w:r></w:p>"
    return _docx(folder / "expanding.docx", paragraph * paragraphs)


def docx_entity(folder: Path) -> Path:
    """A .docx whose XML declares an entity (the issue: a traceback in the CLI, "Something went wrong" in the app)."""
    prolog = '<!DOCTYPE w:document [<!ENTITY big "pizza pizza pizza">]>'
    return _docx(folder / "entity.docx", "<w:p><w:r><w:t>&big; hamburger</w:t></w:r></w:p>", prolog)


def hwpx_expanding(folder: Path, paragraphs: int = 1_000_000) -> Path:
    """An .hwpx whose section XML expands to ~100 MB of paragraphs (the issue: > 4.3 GB and growing)."""
    path = folder / "expanding.hwpx"
    hp = "http://www.hancom.co.kr/hwpml/2011/paragraph"
    hs = "http://www.hancom.co.kr/hwpml/2011/section"
    paragraph = "<hp:p><hp:run><hp:t>의자 책상 소파 판매합니다</hp:t></hp:run></hp:p>"
    with zipfile.ZipFile(path, "w", compression=zipfile.ZIP_DEFLATED, compresslevel=9) as archive:
        archive.writestr("mimetype", "application/hwp+zip")
        with archive.open("Contents/section0.xml", "w") as part:
            part.write(f'<?xml version="1.0" encoding="UTF-8"?><hs:sec xmlns:hs="{hs}" xmlns:hp="{hp}">'.encode())
            part.write((paragraph * paragraphs).encode())
            part.write(b"</hs:sec>")
    return path


def text_short_lines(folder: Path, megabytes: int = 20) -> Path:
    """``megabytes`` MB of English text, one short document per line (the issue: 2.0 GB peak, ~100x the text)."""
    path = folder / f"short-lines-{megabytes}mb.txt"
    path.write_bytes(english_lines(megabytes * 1_000_000))
    return path


def text_one_line(folder: Path, megabytes: int = 100) -> Path:
    """``megabytes`` MB of English words on ONE line (the issue: 294 s and 2.5 GB, accepted)."""
    path = folder / f"one-line-{megabytes}mb.txt"
    block = english_lines(1_000_000, words_per_line=1_000_000).replace(b"\n", b" ")
    with path.open("wb") as handle:
        for _ in range(megabytes):
            handle.write(block[:1_000_000])
        handle.write(b"\n")
    return path


def pdf_many_pages(folder: Path, pages: int = 100_000) -> Path:
    """A PDF of ``pages`` tiny pages (~16 MB for 100,000; the issue: no answer after 400 s)."""
    path = folder / f"pages-{pages}.pdf"
    content = b"BT /F1 12 Tf 72 720 Td (page words here) Tj ET"
    offsets: list[int] = []
    with path.open("wb") as out:

        def obj(number: int, body: bytes) -> None:
            offsets.append(out.tell())
            out.write(b"%d 0 obj\n" % number + body + b"\nendobj\n")

        out.write(b"%PDF-1.4\n")
        obj(1, b"<< /Type /Catalog /Pages 2 0 R >>")
        kids = b" ".join(b"%d 0 R" % (5 + i) for i in range(pages))
        obj(2, b"<< /Type /Pages /Kids [" + kids + b"] /Count %d >>" % pages)
        obj(3, b"<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica >>")
        obj(4, b"<< /Length %d >>\nstream\n" % len(content) + content + b"\nendstream")
        for i in range(pages):
            obj(
                5 + i,
                b"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 612 792] "
                b"/Resources << /Font << /F1 3 0 R >> >> /Contents 4 0 R >>",
            )
        xref = out.tell()
        out.write(b"xref\n0 %d\n0000000000 65535 f \n" % (len(offsets) + 1))
        for offset in offsets:
            out.write(b"%010d 00000 n \n" % offset)
        out.write(b"trailer\n<< /Size %d /Root 1 0 R >>\nstartxref\n%d\n%%%%EOF\n" % (len(offsets) + 1, xref))
    return path


@dataclass(frozen=True)
class CliRun:
    """How one ``python -m models`` run went."""

    seconds: float
    peak_mb: float  # peak resident memory of the child (wait4's ru_maxrss)
    code: int | None  # exit code; None when killed at the time limit
    stderr: str

    @property
    def last_line(self) -> str:
        """The last line on stderr ("(read)" when there is none), or that the run was killed."""
        if self.code is None:
            return "killed after the time limit"
        lines = self.stderr.strip().splitlines()
        return lines[-1] if lines else "(read)"


def run_cli(args: list[str], repo: Path = ROOT, timeout: float = 60.0, memory_gb: float = 8.0) -> CliRun:
    """Run ``python -m models ARGS`` with ``repo``'s package in a child process capped at ``memory_gb`` of
    address space; the child is killed after ``timeout`` seconds."""
    return run_command([sys.executable, "-m", "models", *args], repo, timeout, memory_gb)


def run_command(argv: list[str], cwd: Path = ROOT, timeout: float = 60.0, memory_gb: float = 8.0) -> CliRun:
    """Run ``argv`` (with ``cwd`` on PYTHONPATH) as :func:`run_cli` does: time, peak memory, exit code, stderr."""

    def limit() -> None:
        cap = int(memory_gb * 1024**3)
        resource.setrlimit(resource.RLIMIT_AS, (cap, cap))

    env = dict(os.environ, OPENBLAS_NUM_THREADS="1", PYTHONPATH=str(cwd))
    with tempfile.TemporaryFile() as err:
        start = time.perf_counter()
        child = subprocess.Popen(
            argv,
            cwd=cwd,
            env=env,
            stdin=subprocess.DEVNULL,
            stdout=subprocess.DEVNULL,
            stderr=err,
            preexec_fn=limit,
        )
        killed = False
        while True:
            pid, status, usage = os.wait4(child.pid, os.WNOHANG)
            if pid:
                break
            if time.perf_counter() - start > timeout:
                child.send_signal(signal.SIGKILL)
                killed = True
                pid, status, usage = os.wait4(child.pid, 0)
                break
            time.sleep(0.02)
        seconds = time.perf_counter() - start
        child.returncode = 0  # reaped by wait4 above; keep Popen from waiting again
        err.seek(0)
        stderr = err.read().decode("utf-8", "replace")
    code = None if killed else os.waitstatus_to_exitcode(status)
    return CliRun(seconds, usage.ru_maxrss / 1024, code, stderr)


# name -> (builder, what the issue measured before)
HOSTILE: dict[str, tuple[Callable[[Path], Path], str]] = {
    "zip of 100 x 1 MiB members": (zip_100, "302-514 s, 3.1 GB (server); 2.8 GB (CLI)"),
    "zip of 499 x 1 MiB members": (zip_499, "CLI killed at 8 GB"),
    "docx expanding to 90 MB of XML": (docx_expanding, "1.3-4.7 GB"),
    "hwpx expanding to 100 MB of XML": (hwpx_expanding, "> 4.3 GB and growing"),
    "docx with an XML entity": (docx_entity, "traceback"),
    "20 MB text, short lines": (text_short_lines, "2.0 GB peak"),
    "100 MB text on one line": (text_one_line, "294 s, 2.5 GB"),
    "PDF with 100,000 pages": (pdf_many_pages, "no answer after 400 s"),
}
