"""Between an exploration and a ``.topiclens`` file's contents: what to save of a fit, and the exploration a saved
model shows again (the same map layout and seed, the same quality numbers, its merges replayed)."""

from __future__ import annotations

from typing import TYPE_CHECKING

from models.corpus.corpus import Corpus
from models.lda.saved_model import SavedModel

if TYPE_CHECKING:
    from models.lda.explore import LdaExploration

__all__ = ["base_exploration", "exploration_of", "saved_from"]


def saved_from(
    exploration: LdaExploration,
    corpus: Corpus,
    merges: tuple[tuple[int, ...], ...] = (),
    names: dict[int, str] | None = None,
    base_names: dict[int, str] | None = None,
) -> SavedModel:
    """What to save of a fitted exploration (the fitted model, before ``merges``) and its corpus."""
    return SavedModel(
        corpus=corpus,
        model=exploration.model,
        options=exploration.options,
        layout=exploration.vis.layout,
        merges=tuple(tuple(int(k) for k in step) for step in merges),
        names=dict(names or {}),
        base_names=dict(base_names or {}),
        seconds=exploration.seconds,
    )


def base_exploration(saved: SavedModel) -> LdaExploration:
    """The exploration of the fitted model as it was saved: the same map (layout and seed) and quality numbers."""
    from models.lda.explore import LdaExploration, quality_of
    from models.ldavis.vis_data import prepare_vis

    vis = prepare_vis(saved.model, layout=saved.layout, R=30, seed=saved.options.seed)
    return LdaExploration(
        model=saved.model,
        vis=vis,
        quality=quality_of(saved.model, saved.corpus),
        options=saved.options,
        seconds=saved.seconds,
    )


def exploration_of(saved: SavedModel) -> LdaExploration:
    """The exploration the file was saved from: the fitted model after its merges."""
    from models.lda.merge import explore_merged

    return explore_merged(base_exploration(saved), saved.corpus, saved.merges)
