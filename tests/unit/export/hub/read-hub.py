"""Reads a dataset repo from the local Hub server with the real Python clients, and prints what a
user would check as one JSON object. HF_ENDPOINT, HF_TOKEN and HF_HUB_DISABLE_XET=1 come from the
environment.

usage: read-hub.py load <owner/name>      huggingface_hub lists and downloads; datasets loads it
       read-hub.py upload <owner/name> <folder>   HfApi.upload_folder (the server's other client)
"""
import hashlib
import io
import json
import sys

import datasets
import soundfile
from huggingface_hub import HfApi, hf_hub_download


def describe(value, feature):
    if value is None:
        return None
    if isinstance(feature, datasets.Image):
        return {"mode": value.mode, "size": list(value.size), "pixels": hashlib.sha256(value.tobytes()).hexdigest()}
    if isinstance(feature, datasets.Audio):
        samples, rate = soundfile.read(io.BytesIO(value["bytes"]))
        return {"frames": len(samples), "rate": rate}
    return value


def load(repo):
    api = HfApi()
    files = sorted(api.list_repo_files(repo, repo_type="dataset"))
    card = open(hf_hub_download(repo, "README.md", repo_type="dataset")).read()
    ds = datasets.load_dataset(repo, split="train")
    features = {name: type(feature).__name__ for name, feature in ds.features.items()}
    for name, feature in ds.features.items():
        if isinstance(feature, datasets.Audio):
            ds = ds.cast_column(name, datasets.Audio(decode=False))
    rows = [{name: describe(value, ds.features[name]) for name, value in row.items()} for row in ds]
    return {"files": files, "card": card, "features": features, "rows": rows}


def upload(repo, folder):
    api = HfApi()
    api.create_repo(repo, repo_type="dataset", exist_ok=True, private=True)
    info = api.upload_folder(repo_id=repo, repo_type="dataset", folder_path=folder, commit_message="from python")
    return {"commit": info.oid, "files": sorted(api.list_repo_files(repo, repo_type="dataset"))}


if __name__ == "__main__":
    if sys.argv[1] == "load":
        print(json.dumps(load(sys.argv[2])))
    else:
        print(json.dumps(upload(sys.argv[2], sys.argv[3])))
