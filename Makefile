# FormCoach — `make setup` (idempotent), `make demo`, `make test`. Python 3.11.
PYTHON ?= python3.11
VENV := .venv
BIN := $(VENV)/bin
SHARED ?= ../shared/data
CLIP ?= $(SHARED)/clips/calimiro_workouttracker/squats/squat_11.mp4
EXERCISE ?=
OUT ?= out/demo

.PHONY: setup demo test lint bench classifier folds clean

setup: $(VENV)/.installed

# mediapipe 0.10.21 is the last release that ships its pose model offline; its metadata would pull
# opencv-contrib-python and an unpinned numpy, so it goes in with --no-deps after our own pins.
$(VENV)/.installed: pyproject.toml
	test -x $(BIN)/python || $(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install -q --upgrade pip
	$(BIN)/python -m pip install -q -e '.[dev]'
	$(BIN)/python -m pip install -q --no-deps mediapipe==0.10.21
	touch $@

demo: setup
	$(BIN)/formcoach analyze $(CLIP) $(if $(EXERCISE),--exercise $(EXERCISE)) --out $(OUT)

test: setup
	$(BIN)/pytest -q

lint: setup
	$(BIN)/ruff check analysis bot models tests scripts

bench: setup
	$(BIN)/python scripts/bench_pipeline.py

# The classifier from scratch (~30 min on 2 cores): poses of the shared clips, two source-held-out folds
# (figures with the unsure threshold cross-fitted between them), the shipped model on every source, and
# its unsure threshold chosen on the folds. See models/MODEL_CARD.md.
FOLD_A := calimiro_workouttracker,kshitij_be_project,ketanpaliwal_curl,ngoquocbao_exercise_correction
FOLD_B := kaiakol_posetrainer,tomnotch_exercise_videos,kaggle_pushup_correct_wrong
# $(call both_folds,PREFIX,TRAIN_ARGS): the two folds trained side by side → PREFIXA.json, PREFIXB.json (+ .pt)
both_folds = $(BIN)/python -m models.train.loop --holdout $(FOLD_A) $(2) --out $(1)A.pt --report $(1)A.json & a=$$!; \
	$(BIN)/python -m models.train.loop --holdout $(FOLD_B) $(2) --out $(1)B.pt --report $(1)B.json & b=$$!; \
	wait $$a && wait $$b
classifier: setup
	$(BIN)/formcoach evaluate $(SHARED)/clips/labels.csv --workers 2 --pose-cache cache/poses > /dev/null
	$(call both_folds,cache/fold,)
	$(BIN)/python -m models.train.evaluate cache/foldA.json cache/foldB.json --crossfit 0.95 --out out/classifier_eval
	$(BIN)/python -m models.train.loop
	$(BIN)/python -m models.train.calibrate cache/foldA.json cache/foldB.json --weights models/weights/pose_tsm.pt

# One seed of the two held-out folds, to judge a change over seeds (models/compare.py), e.g.
#   make folds TAG=s1 SEED=1 ARGS="--aug var_len_p=0.25"; .venv/bin/python -m models.train.compare cache/exp/s0 cache/exp/s1
TAG ?= s0
SEED ?= 0
ARGS ?=
folds: setup
	mkdir -p cache/exp/$(TAG)
	$(call both_folds,cache/exp/$(TAG)/,--seed $(SEED) $(ARGS))
	$(BIN)/python -m models.train.compare cache/exp/$(TAG)

clean:
	rm -rf $(VENV) out .pytest_cache .ruff_cache
