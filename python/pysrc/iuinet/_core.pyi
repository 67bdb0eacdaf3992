"""Type stubs of the compiled extension ``iuinet._core`` (low level; use the
classes and functions of :mod:`iuinet`)."""

from typing import Any, Dict, List, Optional, Tuple

import numpy as np
import numpy.typing as npt

__version__: str
DEFAULT_DATASET: str

class DataError(ValueError):
    """Invalid input data."""

    file: Optional[str]
    line: Optional[int]
    hint: Optional[str]
    problems: List[Dict[str, Any]]
    more: int

class Network:
    @property
    def data(self) -> str: ...
    def __len__(self) -> int: ...
    def actors(self) -> List[Dict[str, Any]]: ...
    def summary_json(self) -> str: ...
    def metrics_json(
        self,
        only: Optional[List[str]],
        global_types: Optional[List[str]],
        density_by: str,
        top: int,
        approx: Optional[float],
        approx_delta: float,
        seed: int,
        layers: Optional[List[str]],
        years: Optional[str],
        kinds: Optional[List[str]],
        weight: str,
        paths: str,
        max_group_size: Optional[int],
    ) -> str: ...
    def view(
        self,
        layers: Optional[List[str]] = None,
        years: Optional[str] = None,
        kinds: Optional[List[str]] = None,
        weight: str = "none",
        paths: str = "weight",
        max_group_size: Optional[int] = None,
    ) -> View: ...

class View:
    @property
    def n(self) -> int: ...
    @property
    def m(self) -> int: ...
    def opts_json(self) -> str: ...
    def actors(self) -> List[Dict[str, Any]]: ...
    def centrality(
        self,
        measures: List[str],
        approx: Optional[float] = None,
        approx_delta: float = 0.1,
        seed: int = 0,
    ) -> Tuple[List[str], List[str], Dict[str, npt.NDArray[Any]]]: ...
    def centrality_json(
        self,
        measures: List[str],
        approx: Optional[float] = None,
        approx_delta: float = 0.1,
        seed: int = 0,
    ) -> str: ...
    def brokers_json(self, by: str, top: int) -> str: ...
    def match_json(
        self,
        actor: str,
        kind: Optional[str],
        region: str,
        top: int,
        method: str,
        explain: bool,
    ) -> str: ...
    def match_eval_json(
        self,
        split_year: int,
        k: int,
        methods: Optional[List[str]],
        samples: int,
        seed: int,
    ) -> str: ...
    def edges(
        self,
    ) -> Tuple[
        List[str],
        npt.NDArray[np.uint32],
        npt.NDArray[np.uint32],
        npt.NDArray[np.float64],
        npt.NDArray[np.uint32],
    ]: ...

def load(
    path: str, max_file_bytes: Optional[int] = None, max_line_bytes: Optional[int] = None
) -> Network: ...
def default() -> Network: ...
def from_csv(
    actors: str,
    events: Optional[str],
    projects: Optional[str],
    ties: Optional[str],
    data: str,
) -> Network: ...
