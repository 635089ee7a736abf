"""Analyse pasted text or an uploaded file and store it (only with `presswatch serve --allow-analyze`)."""

from __future__ import annotations

from typing import Annotated

from fastapi import FastAPI, File, Form, HTTPException, Request, UploadFile
from fastapi.responses import HTMLResponse, RedirectResponse, Response

from ..analysis import AnalysisError
from ..schemas import AnalyzePage
from . import TAG_API, AppState


def context(pw: AppState, message: str | None = None, ids: list[str] | None = None) -> AnalyzePage:
    """The analyse form's state: whether it is enabled, the limits, the stages, the last result."""
    return AnalyzePage(
        enabled=pw.settings.allow_analyze, max_bytes=pw.settings.max_upload_bytes,
        stages=list(pw.analyzer.stages), message=message, article_ids=ids or [],
    )


async def _submitted(pw: AppState, text: str | None, file: UploadFile | None):  # -> str | list[RawRecord]
    limit = pw.settings.max_upload_bytes
    if file is not None and file.filename:
        data = await file.read(limit + 1)
        if len(data) > limit:
            raise AnalysisError(413, f"the file is larger than {limit:,} bytes")
        if not data.strip():
            raise AnalysisError(400, "nothing to analyse: the file is empty")
        return pw.analyzer.records(data, file.filename)
    if text and len(text.encode("utf-8")) > limit:
        raise AnalysisError(413, f"the text is larger than {limit:,} bytes")
    return text or ""


def register(app: FastAPI, pw: AppState) -> None:
    """GET /analyze (the form), POST /analyze.json (the API) and POST /analyze (the form's redirect)."""

    @app.get("/analyze", response_class=HTMLResponse, include_in_schema=False)
    def analyze_form(request: Request) -> HTMLResponse:
        return pw.render(request, "analyze.html", context(pw))

    @app.post("/analyze.json", response_model=AnalyzePage, tags=TAG_API,
              summary="Analyse pasted text or an uploaded file and store it")
    async def analyze_json(
        text: Annotated[str | None, Form(description="Plain text: a title line, a blank line, then the body")] = None,
        file: Annotated[UploadFile | None, File(description="A text or HTML file")] = None,
    ) -> AnalyzePage:
        from starlette.concurrency import run_in_threadpool

        try:
            body = await _submitted(pw, text, file)
            ids, note = await run_in_threadpool(pw.analyzer.run, body)
        except AnalysisError as exc:
            raise HTTPException(exc.status, exc.message) from exc
        return context(pw, note, ids)

    @app.post("/analyze", response_class=HTMLResponse, include_in_schema=False)
    async def analyze_html(
        request: Request,
        text: Annotated[str | None, Form()] = None,
        file: Annotated[UploadFile | None, File()] = None,
    ) -> Response:
        try:
            ctx = await analyze_json(text, file)
        except HTTPException as exc:
            return pw.render(request, "analyze.html", context(pw, str(exc.detail)), status=exc.status_code,
                             text=text or "")
        return RedirectResponse(f"/articles/{ctx.article_ids[0]}", status_code=303)
