"""Model recipes shipped with vnsum, installed as the package ``vnsum.prompts`` (read with importlib.resources)."""
