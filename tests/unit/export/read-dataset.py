"""Loads an export with real `datasets` and prints what a user would check, as one JSON object.

usage: read-dataset.py <builder: imagefolder|audiofolder|parquet|card> <folder>
       read-dataset.py batch <json file: [[builder, folder], ...]>   (one result or error each)
       read-dataset.py pixels <image file>...
`card` loads the folder as a dataset repository (`load_dataset(folder)`), through its README.
Images are decoded (PIL) and given as mode, size and a hash of their pixels; audio is read as
bytes (decode=False: decoding inside `datasets` needs torch) and checked with soundfile.
"""
import hashlib
import io
import json
import sys
import tempfile

import datasets
import soundfile
from PIL import Image as PILImage


def allow_audio_without_torch():
    """datasets 5's Audio.encode_example imports torch and torchcodec before looking at its input,
    though a file path (what audiofolder gives it) needs neither: datasets' own code then returns
    {"bytes": None, "path": path}. Where torch is missing, paths get that same answer and anything
    else still goes to datasets (and fails as it would)."""
    if datasets.config.TORCH_AVAILABLE:
        return
    original = datasets.Audio.encode_example

    def encode_example(self, value):
        path = value if isinstance(value, str) else value.get("path") if isinstance(value, dict) else None
        has_bytes = isinstance(value, dict) and value.get("bytes") is not None
        if path is not None and not has_bytes and not path.endswith("pcm"):
            return {"bytes": None, "path": path}
        return original(self, value)

    datasets.Audio.encode_example = encode_example


def image_info(image):
    return {"mode": image.mode, "size": list(image.size), "pixels": hashlib.sha256(image.tobytes()).hexdigest()}


def audio_info(value):
    data = value["bytes"]
    if data is None:
        with open(value["path"], "rb") as file:
            data = file.read()
    samples, rate = soundfile.read(io.BytesIO(data))
    return {"frames": len(samples), "rate": rate, "bytes": hashlib.sha256(data).hexdigest()}


def load(builder, folder):
    # A cache of its own per load: `datasets` names caches after the folder's base name, and two
    # exports named alike must never answer for each other.
    with tempfile.TemporaryDirectory() as cache:
        return read(builder, folder, cache)


def read(builder, folder, cache):
    allow_audio_without_torch()
    if builder == "card":
        ds = datasets.load_dataset(folder, split="train", cache_dir=cache)
    else:
        ds = datasets.load_dataset(builder, data_dir=folder, split="train", cache_dir=cache)
    features = {name: type(feature).__name__ for name, feature in ds.features.items()}
    for name, feature in ds.features.items():
        if isinstance(feature, datasets.Audio):
            ds = ds.cast_column(name, datasets.Audio(decode=False))
    rows = []
    for row in ds:
        out = {}
        for name, value in row.items():
            kind = features[name]
            if value is None:
                out[name] = None
            elif kind == "Image":
                out[name] = image_info(value)
            elif kind == "Audio":
                out[name] = audio_info(value)
            else:
                out[name] = value
        rows.append(out)
    return {"features": features, "rows": rows}


def pixels_of(path):
    with PILImage.open(path) as image:
        return image_info(image)


if __name__ == "__main__":
    if sys.argv[1] == "batch":
        with open(sys.argv[2]) as jobs:
            results = []
            for builder, folder in json.load(jobs):
                try:
                    results.append(load(builder, folder))
                except Exception as error:  # reported per export, so one failure names itself
                    results.append({"error": f"{type(error).__name__}: {error}"})
        print(json.dumps(results))
    elif sys.argv[1] == "pixels":
        print(json.dumps([pixels_of(path) for path in sys.argv[2:]]))
    else:
        print(json.dumps(load(sys.argv[1], sys.argv[2])))
