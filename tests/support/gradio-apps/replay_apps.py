#!/usr/bin/env python3
"""Small real Gradio apps for the replay tests, each in two versions.

Version 1 has bugs on some inputs; version 2 fixes them. The tests flag samples with version 1
through Gradio's own flagging code and replay them against version 2 served on 127.0.0.1.

    python replay_apps.py --flag-into DIR [--apps text,image,...]   # flag v1 samples into DIR/<app>/
                          [--serve] [--delay SECONDS] [--stall-first SECONDS]

With --serve, version 2 of each app is launched on a free port (one Python process, one import of
Gradio) and one JSON line `{"apps": {"text": "http://127.0.0.1:PORT/", ...}}` is printed on stdout;
the process then serves until its stdin closes. `--delay` makes every call sleep (the slow app);
`--stall-first` makes the text app's first call for each input sleep (an app that hangs once and
answers at once when asked again, as after a stuck worker).

Flagging goes through `Blocks.process_api` as the server does for a browser event: the prediction
function first (outputs post-processed by Gradio), then the flag button's `FlagMethod`, which runs
Gradio's `CSVLogger` (the same path as tests/fixtures/gradio/generate.py).
"""
from __future__ import annotations

import argparse
import asyncio
import json
import os
import socket
import sys
import time
import wave
from pathlib import Path

os.environ.setdefault("GRADIO_ANALYTICS_ENABLED", "False")
os.environ.setdefault("HF_HUB_OFFLINE", "1")
os.environ.setdefault("HF_HUB_DISABLE_TELEMETRY", "1")
os.environ.setdefault("DO_NOT_TRACK", "1")

import gradio as gr  # noqa: E402
import numpy as np  # noqa: E402
from gradio import processing_utils  # noqa: E402
from gradio.state_holder import SessionState  # noqa: E402

DELAY = 0.0
STALL_FIRST = 0.0
_stalled: set = set()


def pause(key=None):
    if DELAY:
        time.sleep(DELAY)
    if STALL_FIRST and key is not None and key not in _stalled:
        _stalled.add(key)
        time.sleep(STALL_FIRST)


# ---- the apps: version 1 (buggy) and version 2 (fixed) ------------------------------------------


def shout(version):
    def fn(text):
        pause(text)
        if version == 1 and text.startswith("bug"):
            return text  # v1 forgets to shout inputs starting with "bug"
        return text.upper()

    return fn


def invert(version):
    def fn(image):
        pause()
        if version == 1 and image.shape[1] > 4:
            return image  # v1 leaves wide images untouched
        return (255 - image).astype(np.uint8)

    return fn


CHANNELS = ["red", "green", "blue"]


def colour(version):
    def fn(image):
        pause()
        means = image[..., :3].reshape(-1, 3).mean(axis=0)
        if version == 1:
            means = means[::-1]  # v1 reads BGR: red and blue swapped
        total = float(means.sum()) or 1.0
        return {name: float(m) / total for name, m in zip(CHANNELS, means)}

    return fn


def describe(version):
    def fn(audio):
        pause()
        rate, samples = audio
        seconds = len(samples) / rate
        if version == 1 and rate != 16000:
            seconds = len(samples) / 16000  # v1 assumes every clip is 16 kHz
        return f"{seconds:.2f} s"

    return fn


def chat(version):
    def fn(message):
        pause()
        if version == 1 and "?" in message:
            reply = "I don't know."
        else:
            reply = f"You said: {message}"
        return [{"role": "user", "content": message}, {"role": "assistant", "content": reply}]

    return fn


def build(app: str, version: int, flagging_dir: str | None = None) -> gr.Interface:
    specs = {
        "text": (shout, gr.Textbox(label="prompt"), gr.Textbox(label="answer")),
        "image": (invert, gr.Image(label="photo", type="numpy"), gr.Image(label="inverted", format="png")),
        "label": (colour, gr.Image(label="photo", type="numpy"), gr.Label(label="colour")),
        "audio": (describe, gr.Audio(label="clip", type="numpy"), gr.Textbox(label="length")),
        "chat": (chat, gr.Textbox(label="message"), gr.Chatbot(label="conversation")),
    }
    make, inp, out = specs[app]
    return gr.Interface(
        make(version),
        inp,
        out,
        flagging_mode="manual",
        flagging_dir=flagging_dir or ".gradio/flagged",
        api_name="predict",
        title=f"{app} v{version}",
    )


# ---- the samples flagged with version 1 ---------------------------------------------------------


def png(path: Path, rgb, width: int, height: int = 3):
    from PIL import Image

    Image.new("RGB", (width, height), rgb).save(path)
    return str(path)


def wav(path: Path, rate: int, seconds: float):
    n = int(rate * seconds)
    t = np.arange(n) / rate
    data = (np.sin(2 * np.pi * 440 * t) * 8000).astype(np.int16)
    with wave.open(str(path), "wb") as w:
        w.setnchannels(1)
        w.setsampwidth(2)
        w.setframerate(rate)
        w.writeframes(data.tobytes())
    return str(path)


def samples(app: str, work: Path) -> list:
    if app == "text":
        return ["hello", "bug in here", "world", "bug again", "fine, thanks"]
    if app == "image":
        return [png(work / "narrow.png", (250, 10, 10), 3), png(work / "wide.png", (10, 200, 30), 6),
                png(work / "square.png", (0, 0, 255), 4)]
    if app == "label":
        return [png(work / "red.png", (240, 20, 10), 4), png(work / "green.png", (10, 240, 20), 4),
                png(work / "blue.png", (10, 20, 240), 4)]
    if app == "audio":
        from PIL import Image  # noqa: F401 - keep imports symmetric; audio needs none

        return [wav(work / "a16k.wav", 16000, 0.5), wav(work / "a8k.wav", 8000, 0.5)]
    if app == "chat":
        return ["hi there", "how are you?", "what is 2+2?"]
    raise ValueError(app)


def payload(component, value):
    """The value the browser holds for `component` (files moved to Gradio's cache like an upload)."""
    if isinstance(component, (gr.Textbox,)):
        return value
    out = component.postprocess(value)
    if hasattr(out, "model_dump"):
        out = out.model_dump()
    return processing_utils.move_files_to_cache(out, component, postprocess=True)


async def flag_app(app: str, into: Path) -> dict:
    folder = into / app
    work = into / f".{app}-inputs"
    work.mkdir(parents=True, exist_ok=True)
    demo = build(app, 1, str(folder))
    state = SessionState(demo)
    fns = list(demo.fns.values())
    predict = next(bf for bf in fns if bf.api_name == "predict")
    flag = next(bf for bf in fns if type(bf.fn).__name__ == "FlagMethod" and bf.fn.visual_feedback)
    flagged = []
    for value in samples(app, work):
        inputs = [payload(c, value) for c in demo.input_components]
        result = await demo.process_api(block_fn=predict, inputs=inputs, state=state,
                                        request=gr.Request(username=None))
        by_id = {id(c): p for c, p in zip(demo.input_components, inputs)}
        by_id.update({id(c): p for c, p in zip(demo.output_components, result["data"])})
        await demo.process_api(block_fn=flag, inputs=[by_id[id(c)] for c in flag.inputs],
                               state=state, request=gr.Request(username=None))
        flagged.append(value if isinstance(value, str) else Path(value).name)
    return {"folder": str(folder), "flagged": flagged}


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def serve(apps: list[str], queue_size: int | None = None) -> dict:
    urls = {}
    for app in apps:
        demo = build(app, 2)
        if queue_size:
            # A busy app: one call at a time and room for `queue_size` waiting; more are refused
            # ("queue is full"), which a client must retry later.
            demo.queue(default_concurrency_limit=1, max_size=queue_size)
        else:
            demo.queue(default_concurrency_limit=8)
        port = free_port()
        demo.launch(server_name="127.0.0.1", server_port=port, prevent_thread_lock=True, quiet=True,
                    show_error=True)
        urls[app] = f"http://127.0.0.1:{port}/"
    return urls


def main() -> int:
    global DELAY, STALL_FIRST
    parser = argparse.ArgumentParser()
    parser.add_argument("--apps", default="text,image,label,audio,chat")
    parser.add_argument("--flag-into")
    parser.add_argument("--serve", action="store_true")
    parser.add_argument("--delay", type=float, default=0.0)
    parser.add_argument("--queue-size", type=int, default=0)
    parser.add_argument("--stall-first", type=float, default=0.0)
    args = parser.parse_args()
    apps = [a for a in args.apps.split(",") if a]
    report: dict = {"gradio": gr.__version__}
    if args.flag_into:
        into = Path(args.flag_into)
        report["flagged"] = {app: asyncio.run(flag_app(app, into)) for app in apps}
    DELAY = args.delay
    STALL_FIRST = args.stall_first
    if args.serve:
        report["apps"] = serve(apps, args.queue_size or None)
    print(json.dumps(report), flush=True)
    if args.serve:
        sys.stdin.read()  # serve until the test closes our stdin (or kills us)
    return 0


if __name__ == "__main__":
    sys.exit(main())
