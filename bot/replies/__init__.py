"""Pure answer formatting: the analysis feedback, progress and history text, charts, voice, exercise guides,
goals and exports."""
