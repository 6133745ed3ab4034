"""The core: article model, analysis, anchoring, store, exchange. Never imports Textual."""
