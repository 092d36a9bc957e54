"""The trainer's side (the optional extra ``pip install "sgshards[train]"``): a webdataset
loader for sgshards shards (``data``), fixed-shape batches with masks (``collate``), and the
CLIP, NegCLIP and MosaiCLIP losses (``losses``); ``python -m sgshards.train.example`` trains
an open_clip model with them.  Nothing else in sgshards imports this package.
"""
from importlib.util import find_spec

if find_spec("torch") is None:                      # one line, with the fix
    raise ImportError('sgshards.train needs PyTorch: pip install "sgshards[train]"')
