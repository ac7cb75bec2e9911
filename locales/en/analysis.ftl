### Analysis wording: grades, frame captions, rejections, warnings, not-judged reasons, form cues.

grade-perfect = Perfect
grade-good = Good
grade-bad = Bad
grade-none = Not rated

frame-caption-rep = Rep { $rep } · { $grade }
frame-caption-hold = { $seconds } s hold · { $grade }

## Rejections
rejection-not-video = This doesn't look like a video. Please send a clip of your workout.
rejection-corrupt = The video file is damaged and can't be opened. Please save it again and resend.
rejection-too-short = The clip is too short. Film at least 1 second, ideally two or more reps.
rejection-too-long = The clip is too long ({ $minutes } min). Please trim it to under a minute.
rejection-too-large = The video is too large. Lower the resolution or trim it.
rejection-no-person = I couldn't find a person in the clip. Keep your whole body in the frame.
rejection-person-too-small = You appear too small in the frame. Move the camera a little closer.
rejection-out-of-frame = Most of your body is outside the frame. Film from head to toe.
rejection-unsure-exercise = I'm not sure which exercise this is. Please tell me which one you did.
rejection-edited-clip = This looks like several shots edited together. Please film one set in one continuous take and send that.

## Warnings
warning-truncated = The clip is long, so only the first minute was analysed.
warning-person-lost = You left the frame often, so the result may be less accurate.
warning-partly-hidden = Part of your body was hidden or out of frame; full-body framing is more accurate.
warning-several-people = Several people were visible; only the most prominent one was analysed.
warning-no-reps = I couldn't find repetitions. Keep the whole movement in view and do at least two reps.

## Not judged
hint-film-side = Film from the side to have this checked too.
hint-film-front = Film from the front to have this checked too.
notjudged-hidden = The joints were not visible enough to judge this.
notjudged-gaze = Gaze direction can't be judged from body landmarks.
notjudged-tension = Muscle tension can't be judged from video alone.
notjudged-spine-curve = Spinal curvature can't be judged from joint positions.
notjudged-wrist = Wrist angle can't be judged reliably from the hand landmarks.
notjudged-scapula = Shoulder-blade movement can't be judged from joint positions.
notjudged-not-yet = Form checks for this exercise are coming soon; reps are counted.
notjudged-momentum = Momentum is hard to judge from joint positions between the frames of a phone video.
notjudged-foreshortened = This joint bends toward the camera, so its angle looks smaller on video than it is; it isn't judged.
notjudged-path-depth = The dumbbell's path beside the body runs toward the camera from the side and is hidden by the body from the front.
notjudged-feet-behind-plates = Seen from the side, the bar's plates hide the feet, so a lifting heel can't be seen.
notjudged-no-rear-leg = A side lunge has no back leg bending to 90 degrees: the leg reaching out to the side stays straight, as it should, so this point is not judged.
notjudged-thumb = Which way the thumbs point can't be told reliably from the few hand points in a video.

## Cues — squat
cue-squat-head_forward = Don't let your head drop; look straight ahead.
    .voice = Lift your head and look ahead
cue-squat-knees_track_feet = Push your knees out in line with your toes.
    .voice = Push your knees out over your toes
cue-squat-heels_down = Keep your heels down and press through the whole foot.
    .voice = Keep your heels down
cue-squat-neutral_spine = You're leaning too far forward. Chest up, back straight.
    .voice = Chest up, back straight

## Lunges
cue-lunge_forward-rear_knee_90 = Bend the back knee closer to 90 degrees.
    .voice = Lower your back knee more
cue-lunge_forward-knees_track_feet = Keep the knee in line with the toes; don't let it cave in.
    .voice = Keep your knee over your toes
cue-lunge_forward-torso_upright = Keep your upper body upright, neither leaning forward nor back.
    .voice = Keep your torso upright
cue-lunge_forward-front_knee_90 = Sink deeper until the front knee reaches about 90 degrees.
    .voice = Sink a little deeper
cue-lunge_forward-neutral_spine = Keep your head and back in one line.
    .voice = Keep your head and back in line
cue-lunge_backward-rear_knee_90 = Bend the back knee closer to 90 degrees.
    .voice = Lower your back knee more
cue-lunge_backward-knees_track_feet = Keep the knee in line with the toes; don't let it cave in.
    .voice = Keep your knee over your toes
cue-lunge_backward-torso_upright = Keep your upper body upright, neither leaning forward nor back.
    .voice = Keep your torso upright
cue-lunge_backward-front_knee_90 = Sink deeper until the front knee reaches about 90 degrees.
    .voice = Sink a little deeper
cue-lunge_backward-neutral_spine = Keep your head and back in one line.
    .voice = Keep your head and back in line
cue-barbell_lunge-rear_knee_90 = Bend the back knee closer to 90 degrees.
    .voice = Lower your back knee more
cue-barbell_lunge-knees_track_feet = Keep the knee in line with the toes; don't let it cave in.
    .voice = Keep your knee over your toes
cue-barbell_lunge-torso_upright = Keep your upper body upright, neither leaning forward nor back.
    .voice = Keep your torso upright
cue-barbell_lunge-front_knee_90 = Sink deeper until the front knee reaches about 90 degrees.
    .voice = Sink a little deeper
cue-barbell_lunge-neutral_spine = Keep your head and back in one line.
    .voice = Keep your head and back in line

## Standing knee-up / side crunch
cue-knee_up-knee_high = Raise your knee up to hip height.
    .voice = Knee higher
cue-knee_up-neutral_spine = Keep your torso upright and still while the knee rises.
    .voice = Keep your torso upright
cue-side_crunch-knee_from_side = Raise the knee out to the side of your body, not in front.
    .voice = Bring the knee up from the side
cue-side_crunch-knee_elbow_close = Crunch further so knee and elbow come close together.
    .voice = Bring knee and elbow closer
cue-side_crunch-hands_behind_head = Keep both hands behind your head.
    .voice = Hands behind your head

## Jumping jack
cue-jumping_jack-arms_overhead = Bring your arms all the way above your head.
    .voice = Arms all the way up
cue-jumping_jack-feet_apart = Jump your feet wider than your shoulders.
    .voice = Feet wider
cue-jumping_jack-full_return = Bring your arms all the way down to your sides each time.
    .voice = Arms all the way down

## Burpee
cue-burpee-chest_travel = Lower your chest close to the floor.
    .voice = Chest lower
cue-burpee-head_neutral = Keep your head in line with your body.
    .voice = Head in line with your body
cue-burpee-hands_under_chest = Place your hands under your chest.
    .voice = Hands under your chest
cue-burpee-elbow_90 = Bend your elbows to about 90 degrees.
    .voice = Bend your elbows more
cue-burpee-no_sag = Brace your core so your lower back doesn't sag.
    .voice = Brace so your back doesn't sag

## Push-up
cue-push_up-chest_travel = Lower your chest further toward the floor.
    .voice = Chest lower
cue-push_up-head_neutral = Keep your head in line with your body, neither dropped nor thrown back.
    .voice = Head in line with your body
cue-push_up-hands_under_chest = Place your hands under your shoulders, beside your chest.
    .voice = Hands beside your chest
cue-push_up-elbow_90 = Go down until your elbows reach 90 degrees.
    .voice = Down to ninety degrees
cue-push_up-neutral_spine = Keep one straight line from head to heels, knees straight and off the floor; hips neither sagging nor piked.
    .voice = Hips in line with your body, legs straight

## Knee push-up
cue-knee_push_up-chest_travel = Lower your chest further toward the floor.
    .voice = Chest lower
cue-knee_push_up-head_neutral = Keep your head in line with your body, neither dropped nor thrown back.
    .voice = Head in line with your body
cue-knee_push_up-hands_under_chest = Place your hands under your shoulders, beside your chest.
    .voice = Hands beside your chest
cue-knee_push_up-elbow_90 = Go down until your elbows reach 90 degrees.
    .voice = Down to ninety degrees
cue-knee_push_up-neutral_spine = Keep one straight line from head to knees; hips neither sagging nor piked.
    .voice = Hips in line with your knees

## Pull-up / dips
cue-pull_up-no_swing = Pull without swinging; keep your body still.
    .voice = No swinging
cue-pull_up-elbows_to_torso = Drive your elbows down to your sides at the top.
    .voice = Elbows to your sides
cue-pull_up-shoulder_packing = In the hang, pull your shoulders down away from your ears.
    .voice = Shoulders away from your ears
cue-dips-slight_lean = Lean forward only slightly; you're diving too far.
    .voice = Stay a bit more upright
cue-dips-head_not_back = Don't throw your head back as you rise.
    .voice = Don't tilt your head back
cue-dips-elbow_90 = Go down until your elbows reach 90 degrees.
    .voice = Down to ninety degrees
cue-dips-elbow_torso_distance = Keep your elbows in; they flare too wide.
    .voice = Elbows in

## Curls / overhead press
cue-biceps_curl-no_shrug = Don't shrug your shoulders as you lift.
    .voice = Shoulders down as you lift
cue-biceps_curl-tension_at_bottom = Keep tension at the bottom instead of locking your arms out.
    .voice = Keep tension at the bottom
cue-biceps_curl-neutral_spine = Don't swing your torso to lift the weight.
    .voice = No body swing
cue-biceps_curl-elbows_fixed = Pin your elbows to your sides.
    .voice = Elbows pinned to your sides
cue-barbell_curl-no_shrug = Don't shrug your shoulders as you lift.
    .voice = Shoulders down as you lift
cue-barbell_curl-tension_at_bottom = Keep tension at the bottom instead of locking your arms out.
    .voice = Keep tension at the bottom
cue-barbell_curl-neutral_spine = Don't swing your torso to lift the weight.
    .voice = No body swing
cue-barbell_curl-elbows_fixed = Pin your elbows to your sides.
    .voice = Elbows pinned to your sides
cue-overhead_press-no_knee_drive = Press with your arms only, without a knee dip.
    .voice = No knee drive
cue-overhead_press-forearms_vertical = Stack your wrists over your elbows so your forearms stay vertical.
    .voice = Wrists over elbows
cue-overhead_press-neutral_spine = Don't lean back as you press.
    .voice = Don't lean back

## Plank
cue-plank-hips_aligned = Keep one line from shoulders to ankles; hips neither sagging nor piked.
    .voice = Hips in line
cue-plank-chest_off_floor = Push the floor away so your shoulders don't sink.
    .voice = Push the floor away
cue-plank-elbows_not_inside = Place your elbows right under your shoulders.
    .voice = Elbows under shoulders

## Bench press, deadlift, raises, shrug, pushdown, floor exercises, wall sit
cue-crunch-shoulder_blades_lift = Curl up until your shoulder blades leave the floor.
    .voice = Lift your shoulders off the floor
cue-bench_press-bar_to_chest = Lower the bar all the way to your chest.
    .voice = Bar down to your chest
cue-bench_press-forearms_vertical = At the bottom, keep your forearms vertical under the bar.
    .voice = Forearms vertical
cue-deadlift-knees_hips_together = Straighten your knees and hips together; don't let the hips shoot up first.
    .voice = Knees and hips together
cue-deadlift-bar_close = Keep the bar close, sliding along your shins and thighs.
    .voice = Bar close to your body
cue-deadlift-knees_track_feet = Push your knees out in line with your toes.
    .voice = Knees over your toes
cue-deadlift-heels_down = Keep your whole foot on the floor; don't rise onto your toes.
    .voice = Heels down
cue-good_morning-knees_soft_fixed = Keep the slight knee bend fixed; push your hips back instead of squatting.
    .voice = Knees fixed, hips back
cue-front_raise-no_lean_back = Don't lean back; keep your torso upright as you lift.
    .voice = Don't lean back
cue-front_raise-raise_to_shoulder = Raise your hands up to shoulder height.
    .voice = Up to shoulder height
cue-front_raise-elbows_soft_fixed = Keep the slight elbow bend fixed; don't curl the weight up.
    .voice = Keep your elbows fixed
cue-lateral_raise-no_knee_drive = Keep your legs still; no bouncing with the knees.
    .voice = No knee bounce
cue-lateral_raise-no_torso_swing = Keep your torso still; don't swing the weights up.
    .voice = No swinging
cue-lateral_raise-no_shrug = Don't shrug; keep your shoulders down as you raise.
    .voice = Shoulders down
cue-shoulder_shrug-straight_up = Lift your shoulders straight up toward your ears; don't roll them.
    .voice = Straight up, no rolling
cue-shoulder_shrug-arms_straight = Keep your arms straight; lift with your shoulders only.
    .voice = Arms straight
cue-shoulder_shrug-head_forward = Keep your head up and facing forward.
    .voice = Head up, eyes forward
cue-triceps_pushdown-no_excessive_lean = Don't lean over the bar; only a slight forward lean.
    .voice = Stand a bit taller
cue-triceps_pushdown-tension_at_top = On the way up, stop with your forearms about level; don't let the bar ride up to your chest.
    .voice = Stop at forearms level
cue-triceps_pushdown-elbows_fixed = Pin your elbows to your sides; don't let them drift.
    .voice = Elbows pinned
cue-high_knees-knees_hip_height = Drive your knees up to hip height.
    .voice = Knees higher
cue-high_knees-upright_torso = Keep your torso upright; don't lean back.
    .voice = Stay upright
cue-step_up-torso_upright = Step up without leaning far forward.
    .voice = Chest up
cue-step_up-full_hip_extension = At the top, straighten your hips and stand tall.
    .voice = Stand tall at the top
cue-v_up-hands_reach_feet = Fold further, so your hands reach your shins.
    .voice = Reach for your feet
cue-v_up-legs_straight = Keep your legs straight as you lift them.
    .voice = Legs straight
cue-russian_twist-shoulders_rotate = Turn your shoulders, not just your arms, fully to each side.
    .voice = Turn your shoulders further
cue-russian_twist-torso_angle_kept = Keep your lean-back angle steady; don't rock up and down.
    .voice = Hold your lean
cue-bear_crawl-hips_level = Keep your hips down and your back flat.
    .voice = Hips down, back flat
cue-bear_crawl-knees_low = Keep your knees hovering just above the floor.
    .voice = Knees low
cue-renegade_row-no_hip_rotation = Keep your hips square to the floor as you row.
    .voice = Hips square
cue-renegade_row-hips_aligned = Keep your body in one line; hips neither sagging nor piked.
    .voice = Body in one line
cue-wall_sit-knees_90 = Slide down until your knees are at about 90 degrees.
    .voice = Sit lower
cue-wall_sit-back_on_wall = Keep your back flat against the wall.
    .voice = Back against the wall
cue-wall_sit-knees_track_feet = Keep your knees in line with your toes.
    .voice = Knees over your toes

## Stiff-leg deadlift, lat pulldown, upright row
cue-stiff_leg_deadlift-knees_soft_fixed = Keep the slight knee bend fixed; push your hips back instead of squatting.
    .voice = Knees fixed, hips back
cue-stiff_leg_deadlift-bar_close = Keep the bar close, sliding down your thighs and shins.
    .voice = Bar close to your legs
cue-lat_pulldown-elbows_to_torso = Pull your elbows all the way down to your sides.
    .voice = Elbows to your sides
cue-lat_pulldown-moderate_lean_back = Lean back only slightly; don't swing your body to pull.
    .voice = Only a slight lean back
cue-lat_pulldown-shoulder_packing = As the bar goes up, keep your shoulders down, away from your ears.
    .voice = Shoulders away from your ears
cue-upright_row-shoulder_blades_down = Keep your shoulder blades down; don't shrug as you pull.
    .voice = Shoulders down
cue-upright_row-bar_close = Keep the bar close; pull it straight up along your body.
    .voice = Bar close to your body
cue-upright_row-elbows_lead = Lead with your elbows; keep them higher than your wrists.
    .voice = Elbows lead
## Barbell row, dumbbell row, hanging leg raise
cue-barbell_row-bar_close = Pull the bar along your body to your belly.
    .voice = Bar to your belly
cue-barbell_row-no_knee_drive = Keep your knees' bend fixed; no bouncing with the legs.
    .voice = No knee bounce
cue-barbell_row-no_torso_swing = Keep your torso still; pull with your arms, not by swinging your back.
    .voice = Keep your back still
cue-dumbbell_row-dumbbell_close = Pull the dumbbells along your body to your waist.
    .voice = Dumbbells to your waist
cue-dumbbell_row-no_knee_drive = Keep your knees' bend fixed; no bouncing with the legs.
    .voice = No knee bounce
cue-dumbbell_row-no_torso_swing = Keep your torso still; pull with your arms, not by swinging your back.
    .voice = Keep your back still
cue-hanging_leg_raise-legs_together = Keep your legs together as you raise them.
    .voice = Legs together
cue-hanging_leg_raise-shoulders_from_ears = While hanging, keep your shoulders pulled down, away from your ears.
    .voice = Shoulders away from your ears
## Lying triceps extension, lying leg raise, face pull
cue-lying_triceps_extension-elbows_together = Keep your elbows in, no wider than your shoulders.
    .voice = Elbows in
cue-lying_triceps_extension-tension_at_bottom = Don't lock your elbows at the top; keep the tension.
    .voice = Don't lock out
cue-lying_triceps_extension-elbows_fixed = Keep your upper arms still; bend and straighten only at the elbows.
    .voice = Upper arms still
cue-lying_leg_raise-head_not_tucked = Keep your head resting on the floor; don't tuck your chin.
    .voice = Head down, relaxed
cue-lying_leg_raise-knee_angle_fixed = Keep your knee angle fixed; lift your legs as one piece.
    .voice = Knees fixed
cue-face_pull-external_rotation = Rotate your upper arms out so your hands end above your elbows.
    .voice = Hands above your elbows
cue-face_pull-elbow_90 = Pull until your elbows bend to about 90 degrees.
    .voice = Pull to your face
cue-face_pull-hands_at_forehead = Pull your hands to forehead height, not your chest.
    .voice = Hands to your forehead
## Chest fly, incline chest fly
cue-chest_fly-dumbbells_chest_height = Open your arms until the dumbbells come down to chest height.
    .voice = Down to chest height
cue-chest_fly-elbows_soft_fixed = Keep the slight elbow bend fixed; don't turn the fly into a press.
    .voice = Keep your elbows fixed
cue-incline_chest_fly-dumbbells_shoulder_height = Bring the dumbbells together over your shoulders, not over your face or belly.
    .voice = Together over your shoulders
cue-incline_chest_fly-elbows_soft_fixed = Keep the slight elbow bend fixed; don't turn the fly into a press.
    .voice = Keep your elbows fixed
## Bicycle crunch, cable crunch, dumbbell pullover
cue-bicycle_crunch-shoulder_blades_lift = Keep your shoulder blades off the floor the whole set.
    .voice = Shoulders up
cue-bicycle_crunch-knee_past_hip = Drive each knee past your hip toward your chest.
    .voice = Knee to your chest
cue-cable_crunch-elbow_angle_fixed = Don't pull with your arms; keep the elbow angle fixed and curl with your abs.
    .voice = Arms fixed, curl with your abs
cue-cable_crunch-elbow_torso_angle_fixed = Keep your elbows fixed by your head; only your torso curls down.
    .voice = Elbows by your head
cue-dumbbell_pullover-torso_on_bench = Keep your torso on the bench; don't lift your hips as the arms travel.
    .voice = Torso on the bench
cue-dumbbell_pullover-elbows_in_top = At the top, draw your elbows in over your shoulders.
    .voice = Elbows in
cue-dumbbell_pullover-elbow_angle_fixed = Keep the elbow angle the same; move your arms as one piece.
    .voice = Keep your elbow angle
## Y raise, scissor cross, side lunge, cross lunge, hip thrust, rowing machine
cue-y_raise-neck_neutral = As your arms rise, don't push your head forward; tuck your chin slightly.
    .voice = Tuck your chin slightly
cue-y_raise-arms_level = Raise both arms to the same height; don't let one lag.
    .voice = Arms at the same height
cue-scissor_cross-legs_hover_height = Keep your legs hovering a little off the floor: not down on it, not up high.
    .voice = Legs hovering, not too high
cue-scissor_cross-knees_not_overbent = Don't bend your knees too much; keep your legs long.
    .voice = Keep your legs long
cue-scissor_cross-knees_cross = As the legs close, cross them far enough that the knees pass each other.
    .voice = Cross at the knees
cue-side_lunge-rear_knee_90 = In a side lunge the leg reaching out stays straight; don't bend it.
    .voice = Keep the outstretched leg straight
cue-side_lunge-knees_track_feet = Keep the bent knee over your toes; don't let it cave in.
    .voice = Knee over your toes
cue-side_lunge-torso_upright = Keep your chest up; don't fold over the bent knee.
    .voice = Chest up
cue-side_lunge-front_knee_90 = Sit your hips back and lower until the bent knee reaches about 90 degrees.
    .voice = Sink a little deeper
cue-side_lunge-neutral_spine = Keep your head and back in one line.
    .voice = Keep your head and back in line
cue-cross_lunge-knees_track_feet = Keep the front knee pointing where the front foot points; don't let it turn in.
    .voice = Front knee over your toes
cue-cross_lunge-upper_body_balanced = Keep your upper body square and upright; don't tip to one side.
    .voice = Stay upright and square
cue-cross_lunge-front_knee_90 = Sink deeper until the front knee reaches about 90 degrees.
    .voice = Sink a little deeper
cue-hip_thrust-head_not_raised = Don't lift your head to watch your hips or throw it back; let it move with your torso.
    .voice = Keep your head down
cue-hip_thrust-straight_line_top = At the top, drive your hips up until knees, hips and shoulders form one line.
    .voice = Hips up to a straight line
cue-rowing_machine-no_excessive_lean_back = At the finish, lean back only slightly; don't lie back.
    .voice = Lean back only slightly
cue-rowing_machine-legs_before_arms = On the drive, straighten your legs first, then pull with your arms.
    .voice = Legs first, then arms
cue-rowing_machine-no_shrug = Keep your shoulders down away from your ears as you pull.
    .voice = Shoulders down
cue-rowing_machine-arms_before_legs = On the way back, straighten your arms first, then bend your knees.
    .voice = Arms out first, then knees
