"""A database held by another process is refused in one sentence, never with a DuckDB traceback;
the holder's data stays as it was."""

from __future__ import annotations

import os
import socket
import subprocess
import sys
import time

import pytest

from presswatch.model import Article
from presswatch.store import Store, StoreLocked

ARTICLE = (
    "Harbour ferry fares to rise by 8% from April\n\n"
    "Ferry fares across the harbour will rise by 8% from April, the operator said on Friday.\n"
    "The company blamed fuel costs and said season tickets would be frozen until June.\n"
)


def _db(tmp_path):
    path = tmp_path / "presswatch.duckdb"
    with Store(path) as s:
        s.write_articles([Article.create("a.txt", "Ferry fares rise.", title="Fares")])
    return path


def _hold(path, *, read_only: bool) -> subprocess.Popen:
    """Another process holding the database open until killed."""
    code = (
        "import sys, time, duckdb\n"
        f"con = duckdb.connect({str(path)!r}, read_only={read_only})\n"
        "print('open', flush=True)\n"
        "time.sleep(120)\n"
    )
    proc = subprocess.Popen([sys.executable, "-c", code], stdout=subprocess.PIPE, text=True)
    assert proc.stdout.readline().strip() == "open"
    return proc


def test_store_writer_refused_while_a_reader_holds_the_file(tmp_path):
    path = _db(tmp_path)
    holder = _hold(path, read_only=True)
    try:
        with pytest.raises(StoreLocked, match=r"presswatch serve.*stop it and run again") as info:
            Store(path)
        assert f"PID {holder.pid}" in str(info.value) and "\n" not in str(info.value)
    finally:
        holder.kill()
        holder.wait()
    with Store(path, read_only=True) as s:  # the reader's data is untouched
        assert s.count("articles") == 1


def test_store_reader_refused_while_a_writer_holds_the_file(tmp_path):
    path = _db(tmp_path)
    holder = _hold(path, read_only=False)
    try:
        with pytest.raises(StoreLocked, match="being written"):
            Store(path, read_only=True)
    finally:
        holder.kill()
        holder.wait()


def _free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def test_analyze_next_to_a_running_serve_says_what_to_do_without_a_traceback(tmp_path):
    path = _db(tmp_path)
    src = tmp_path / "in.txt"
    src.write_text(ARTICLE, encoding="utf-8")
    port = _free_port()
    env = {**os.environ, "PYTHONUNBUFFERED": "1"}
    server = subprocess.Popen([sys.executable, "-m", "presswatch.cli", "serve", "--db", str(path), "--port", str(port)],
                              stdout=subprocess.PIPE, stderr=subprocess.STDOUT, text=True, env=env)
    try:
        line = server.stdout.readline()
        assert "serving" in line, line
        deadline = time.time() + 60
        while time.time() < deadline:  # the server answers: it holds the file now
            try:
                socket.create_connection(("127.0.0.1", port), timeout=1).close()
                break
            except OSError:
                time.sleep(0.2)
        proc = subprocess.run([sys.executable, "-m", "presswatch.cli", "analyze", str(src), "--db", str(path),
                               "--out", str(tmp_path / "out"), "--workers", "1", "--quiet"],
                              capture_output=True, text=True, timeout=300, env=env)
        assert proc.returncode != 0
        assert "Traceback" not in proc.stderr + proc.stdout
        assert "is open in another process" in proc.stderr and "presswatch serve" in proc.stderr
        assert server.poll() is None  # the server is still up
    finally:
        server.kill()
        server.wait()
    with Store(path, read_only=True) as s:
        assert s.count("articles") == 1


def test_read_commands_next_to_a_writer_say_so_in_one_sentence(tmp_path):
    from click.testing import CliRunner

    from presswatch.cli import cli

    path = _db(tmp_path)
    holder = _hold(path, read_only=False)
    try:
        for args in (["show", "--list", "--db", str(path)],
                     ["export", "--db", str(path), "--format", "jsonl", "--out", str(tmp_path / "a.jsonl")]):
            result = CliRunner().invoke(cli, args)
            assert result.exit_code == 1 and isinstance(result.exception, SystemExit), result.output
            assert "is being written by another process" in result.output and "Traceback" not in result.output
    finally:
        holder.kill()
        holder.wait()
