### Exercise catalog: exercise names and posture-condition names (same ids as
### analysis/exercises/catalog.py).
###
### exercise-<exercise id> = display name
###     .object / .subject / .topic = mid-sentence form (the Korean file carries particles here)
### condition-<exercise id>-<condition id> = short name of a posture condition
### exercise-name at the end is a selector on $exercise (an exercise id), for sentences such as:
###     summary-reps = I analysed { $count } reps of your { exercise-name.object }.


## Bodyweight (AI Hub)

exercise-push_up = Push-up
    .object = push-up
    .subject = push-up
    .topic = push-up
condition-push_up-chest_travel = Full range of motion
condition-push_up-head_neutral = Neutral head
condition-push_up-hands_under_chest = Hands under mid-chest
condition-push_up-elbow_90 = Elbows at 90 degrees at the bottom
condition-push_up-neutral_spine = Neutral spine

exercise-knee_push_up = Knee push-up
    .object = knee push-up
    .subject = knee push-up
    .topic = knee push-up
condition-knee_push_up-chest_travel = Full range of motion
condition-knee_push_up-head_neutral = Neutral head
condition-knee_push_up-hands_under_chest = Hands under mid-chest
condition-knee_push_up-elbow_90 = Elbows at 90 degrees at the bottom
condition-knee_push_up-neutral_spine = Neutral spine

exercise-good_morning = Good morning
    .object = good morning
    .subject = good morning
    .topic = good morning
condition-good_morning-knees_soft_fixed = Soft knees, kept fixed
condition-good_morning-gaze_steady = Steady gaze
condition-good_morning-neutral_spine = Neutral spine

exercise-y_raise = Y raise
    .object = Y raise
    .subject = Y raise
    .topic = Y raise
condition-y_raise-neck_neutral = Neutral neck
condition-y_raise-arms_level = Arms level
condition-y_raise-thumbs_up = Thumbs up

exercise-side_crunch = Standing side crunch
    .object = standing side crunch
    .subject = standing side crunch
    .topic = standing side crunch
condition-side_crunch-knee_from_side = Knee rises to the side
condition-side_crunch-knee_elbow_close = Knee meets elbow
condition-side_crunch-gaze_forward = Eyes forward
condition-side_crunch-hands_behind_head = Hands behind the head
condition-side_crunch-neutral_spine = Neutral spine

exercise-knee_up = Standing knee-up
    .object = standing knee-up
    .subject = standing knee-up
    .topic = standing knee-up
condition-knee_up-knee_high = Knee high enough
condition-knee_up-gaze_forward = Eyes forward
condition-knee_up-leg_tension = Leg tension on the way down
condition-knee_up-neutral_spine = Neutral spine

exercise-lying_leg_raise = Lying leg raise
    .object = lying leg raise
    .subject = lying leg raise
    .topic = lying leg raise
condition-lying_leg_raise-head_not_tucked = Head not tucked
condition-lying_leg_raise-leg_tension = Leg tension on the way down
condition-lying_leg_raise-lower_back_down = Lower back on the floor
condition-lying_leg_raise-knee_angle_fixed = Fixed knee angle

exercise-crunch = Crunch
    .object = crunch
    .subject = crunch
    .topic = crunch
condition-crunch-shoulder_blades_lift = Shoulder blades off the floor
condition-crunch-no_shoulder_jerk = No shoulder jerk
condition-crunch-tension_lowering = Tension on the way down
condition-crunch-lower_back_down = Lower back on the floor

exercise-bicycle_crunch = Bicycle crunch
    .object = bicycle crunch
    .subject = bicycle crunch
    .topic = bicycle crunch
condition-bicycle_crunch-shoulder_blades_lift = Shoulder blades off the floor
condition-bicycle_crunch-knee_past_hip = Knee comes past the hip
condition-bicycle_crunch-lower_back_down = Lower back on the floor

exercise-scissor_cross = Scissor cross
    .object = scissor cross
    .subject = scissor cross
    .topic = scissor cross
condition-scissor_cross-legs_hover_height = Legs at the right height
condition-scissor_cross-knees_not_overbent = Knees not over-bent
condition-scissor_cross-knees_cross = Knees cross
condition-scissor_cross-gaze_on_navel = Eyes on the navel
condition-scissor_cross-lower_back_down = Lower back on the floor

exercise-plank = Plank
    .object = plank
    .subject = plank
    .topic = plank
condition-plank-hips_aligned = Hips in line with the torso
condition-plank-chest_off_floor = Chest well off the floor
condition-plank-elbows_not_inside = Elbows under the shoulders

exercise-burpee = Burpee
    .object = burpee
    .subject = burpee
    .topic = burpee
condition-burpee-chest_travel = Full range of motion
condition-burpee-head_neutral = Neutral head
condition-burpee-hands_under_chest = Hands under mid-chest
condition-burpee-elbow_90 = Elbows at 90 degrees at the bottom
condition-burpee-no_sag = No sagging lower back

exercise-lunge_forward = Forward lunge
    .object = forward lunge
    .subject = forward lunge
    .topic = forward lunge
condition-lunge_forward-rear_knee_90 = Rear knee at 90 degrees
condition-lunge_forward-knees_track_feet = Torso, foot and knee aligned
condition-lunge_forward-torso_upright = No excessive torso lean
condition-lunge_forward-front_knee_90 = Front knee at 90 degrees
condition-lunge_forward-neutral_spine = Neutral spine

exercise-lunge_backward = Reverse lunge
    .object = reverse lunge
    .subject = reverse lunge
    .topic = reverse lunge
condition-lunge_backward-rear_knee_90 = Rear knee at 90 degrees
condition-lunge_backward-knees_track_feet = Torso, foot and knee aligned
condition-lunge_backward-torso_upright = No excessive torso lean
condition-lunge_backward-front_knee_90 = Front knee at 90 degrees
condition-lunge_backward-neutral_spine = Neutral spine

exercise-side_lunge = Side lunge
    .object = side lunge
    .subject = side lunge
    .topic = side lunge
condition-side_lunge-rear_knee_90 = Rear knee at 90 degrees
condition-side_lunge-knees_track_feet = Torso, foot and knee aligned
condition-side_lunge-torso_upright = No excessive torso lean
condition-side_lunge-front_knee_90 = Front knee at 90 degrees
condition-side_lunge-neutral_spine = Neutral spine

exercise-cross_lunge = Cross lunge
    .object = cross lunge
    .subject = cross lunge
    .topic = cross lunge
condition-cross_lunge-knees_track_feet = Torso, front foot and knee aligned
condition-cross_lunge-upper_body_balanced = Upper body square and balanced
condition-cross_lunge-front_knee_90 = Front knee at 90 degrees

exercise-hip_thrust = Hip thrust
    .object = hip thrust
    .subject = hip thrust
    .topic = hip thrust
condition-hip_thrust-head_not_raised = Head not lifted
condition-hip_thrust-straight_line_top = Knees to shoulders in line at the top
condition-hip_thrust-tension_lowering = Tension on the way down


## Barbell and dumbbell (AI Hub)

exercise-chest_fly = Dumbbell fly
    .object = dumbbell fly
    .subject = dumbbell fly
    .topic = dumbbell fly
condition-chest_fly-back_arch = Back arch kept
condition-chest_fly-dumbbells_chest_height = Dumbbells down to chest height
condition-chest_fly-elbows_soft_fixed = Soft elbows, kept fixed

exercise-incline_chest_fly = Incline dumbbell fly
    .object = incline dumbbell fly
    .subject = incline dumbbell fly
    .topic = incline dumbbell fly
condition-incline_chest_fly-back_arch = Back arch kept
condition-incline_chest_fly-dumbbells_shoulder_height = Dumbbells at shoulder height at the top
condition-incline_chest_fly-elbows_soft_fixed = Soft elbows, kept fixed

exercise-dumbbell_pullover = Dumbbell pullover
    .object = dumbbell pullover
    .subject = dumbbell pullover
    .topic = dumbbell pullover
condition-dumbbell_pullover-torso_on_bench = Torso fixed on the bench
condition-dumbbell_pullover-wrist_neutral = Neutral wrists
condition-dumbbell_pullover-elbows_in_top = Elbows in at the top
condition-dumbbell_pullover-elbow_angle_fixed = Fixed elbow angle

exercise-barbell_row = Barbell row
    .object = barbell row
    .subject = barbell row
    .topic = barbell row
condition-barbell_row-no_knee_drive = No knee bounce
condition-barbell_row-bar_close = Bar close to the body
condition-barbell_row-no_torso_swing = No torso swing
condition-barbell_row-wrist_neutral = Neutral wrists
condition-barbell_row-neutral_spine = Neutral spine

exercise-dumbbell_row = Dumbbell bent-over row
    .object = dumbbell bent-over row
    .subject = dumbbell bent-over row
    .topic = dumbbell bent-over row
condition-dumbbell_row-dumbbell_close = Dumbbell close to the body
condition-dumbbell_row-no_knee_drive = No knee bounce
condition-dumbbell_row-no_torso_swing = No torso swing
condition-dumbbell_row-wrist_neutral = Neutral wrists
condition-dumbbell_row-neutral_spine = Neutral spine

exercise-lying_triceps_extension = Lying triceps extension
    .object = lying triceps extension
    .subject = lying triceps extension
    .topic = lying triceps extension
condition-lying_triceps_extension-wrist_neutral = Neutral wrists
condition-lying_triceps_extension-elbows_together = Elbows close together
condition-lying_triceps_extension-tension_at_bottom = Tension on the way down
condition-lying_triceps_extension-neutral_spine = Neutral spine
condition-lying_triceps_extension-elbows_fixed = Elbows fixed in place

exercise-front_raise = Front raise
    .object = front raise
    .subject = front raise
    .topic = front raise
condition-front_raise-no_lean_back = No leaning back
condition-front_raise-raise_to_shoulder = Up to shoulder or chin height
condition-front_raise-elbows_soft_fixed = Soft elbows, kept fixed

exercise-upright_row = Upright row
    .object = upright row
    .subject = upright row
    .topic = upright row
condition-upright_row-shoulder_blades_down = Shoulder blades kept down
condition-upright_row-bar_close = Bar close to the body
condition-upright_row-elbows_lead = Elbows lead the wrists

exercise-overhead_press = Overhead press
    .object = overhead press
    .subject = overhead press
    .topic = overhead press
condition-overhead_press-shoulder_girdle_stable = Stable shoulders
condition-overhead_press-no_knee_drive = No knee bounce
condition-overhead_press-forearms_vertical = Vertical forearms
condition-overhead_press-neutral_spine = Neutral spine

exercise-lateral_raise = Lateral raise
    .object = lateral raise
    .subject = lateral raise
    .topic = lateral raise
condition-lateral_raise-no_knee_drive = No knee bounce
condition-lateral_raise-elbow_angle_fixed = Fixed elbow angle
condition-lateral_raise-no_torso_swing = No torso swing
condition-lateral_raise-wrist_angle_fixed = Fixed wrist angle
condition-lateral_raise-no_shrug = No shrugging

exercise-barbell_curl = Barbell curl
    .object = barbell curl
    .subject = barbell curl
    .topic = barbell curl
condition-barbell_curl-wrist_neutral = Neutral wrists
condition-barbell_curl-no_shrug = No shrug at the top
condition-barbell_curl-tension_at_bottom = Tension on the way down
condition-barbell_curl-neutral_spine = Neutral spine
condition-barbell_curl-elbows_fixed = Elbows fixed in place

exercise-biceps_curl = Dumbbell curl
    .object = dumbbell curl
    .subject = dumbbell curl
    .topic = dumbbell curl
condition-biceps_curl-wrist_neutral = Neutral wrists
condition-biceps_curl-no_shrug = No shrug at the top
condition-biceps_curl-tension_at_bottom = Tension on the way down
condition-biceps_curl-neutral_spine = Neutral spine
condition-biceps_curl-elbows_fixed = Elbows fixed in place

exercise-stiff_leg_deadlift = Stiff-leg deadlift
    .object = stiff-leg deadlift
    .subject = stiff-leg deadlift
    .topic = stiff-leg deadlift
condition-stiff_leg_deadlift-knees_soft_fixed = Soft knees, kept fixed
condition-stiff_leg_deadlift-bar_close = Bar close to the body
condition-stiff_leg_deadlift-neutral_spine = Neutral spine

exercise-deadlift = Deadlift
    .object = deadlift
    .subject = deadlift
    .topic = deadlift
condition-deadlift-knees_hips_together = Knees and hips extend together
condition-deadlift-bar_close = Bar close to the body
condition-deadlift-knees_track_feet = Knees track the feet
condition-deadlift-heels_down = Feet flat on the floor
condition-deadlift-neutral_spine = Neutral spine

exercise-squat = Squat
    .object = squat
    .subject = squat
    .topic = squat
condition-squat-head_forward = Head facing forward
condition-squat-knees_track_feet = Knees track the feet
condition-squat-heels_down = Feet flat on the floor
condition-squat-neutral_spine = Neutral spine

exercise-barbell_lunge = Barbell lunge
    .object = barbell lunge
    .subject = barbell lunge
    .topic = barbell lunge
condition-barbell_lunge-rear_knee_90 = Rear knee at 90 degrees
condition-barbell_lunge-knees_track_feet = Torso, foot and knee aligned
condition-barbell_lunge-torso_upright = No excessive torso lean
condition-barbell_lunge-front_knee_90 = Front knee at 90 degrees
condition-barbell_lunge-neutral_spine = Neutral spine


## Machine and equipment (AI Hub)

exercise-dips = Dips
    .object = dips
    .subject = dips
    .topic = dips
condition-dips-slight_lean = Slight forward lean
condition-dips-head_not_back = Head not tilted back at the top
condition-dips-elbow_90 = Elbows at 90 degrees at the bottom
condition-dips-elbow_torso_distance = Elbows at a moderate width

exercise-pull_up = Pull-up
    .object = pull-up
    .subject = pull-up
    .topic = pull-up
condition-pull_up-no_swing = No body swing
condition-pull_up-elbows_to_torso = Elbows to the torso
condition-pull_up-gaze_up = Eyes up
condition-pull_up-shoulder_packing = Shoulders packed at the bottom

exercise-lat_pulldown = Lat pulldown
    .object = lat pulldown
    .subject = lat pulldown
    .topic = lat pulldown
condition-lat_pulldown-wrist_neutral = Neutral wrists
condition-lat_pulldown-elbows_to_torso = Elbows to the torso
condition-lat_pulldown-moderate_lean_back = Slight lean back when pulling
condition-lat_pulldown-shoulder_packing = Shoulders packed on the way up

exercise-hanging_leg_raise = Hanging leg raise
    .object = hanging leg raise
    .subject = hanging leg raise
    .topic = hanging leg raise
condition-hanging_leg_raise-legs_together = Legs together
condition-hanging_leg_raise-shoulders_from_ears = Shoulders away from the ears
condition-hanging_leg_raise-leg_tension = Leg tension on the way down

exercise-cable_crunch = Cable crunch
    .object = cable crunch
    .subject = cable crunch
    .topic = cable crunch
condition-cable_crunch-elbow_angle_fixed = Fixed elbow angle
condition-cable_crunch-spine_flexes = Back rounds as you crunch
condition-cable_crunch-elbow_torso_angle_fixed = Fixed elbow-to-torso angle

exercise-triceps_pushdown = Triceps pushdown
    .object = triceps pushdown
    .subject = triceps pushdown
    .topic = triceps pushdown
condition-triceps_pushdown-no_excessive_lean = No excessive forward lean
condition-triceps_pushdown-wrist_neutral = Neutral wrists
condition-triceps_pushdown-tension_at_top = Tension on the way up
condition-triceps_pushdown-elbows_fixed = Elbows fixed in place

exercise-face_pull = Face pull
    .object = face pull
    .subject = face pull
    .topic = face pull
condition-face_pull-external_rotation = Upper arms rotate outward
condition-face_pull-elbow_90 = Elbows at 90 degrees when pulled
condition-face_pull-hands_at_forehead = Hands level with the forehead

exercise-rowing_machine = Rowing machine
    .object = rowing machine
    .subject = rowing machine
    .topic = rowing machine
condition-rowing_machine-no_excessive_lean_back = No excessive lean back
condition-rowing_machine-legs_before_arms = Legs before arms on the drive
condition-rowing_machine-no_shrug = No shrugging
condition-rowing_machine-arms_before_legs = Arms before legs on the recovery
condition-rowing_machine-chest_up = Chest up


## Not in AI Hub

exercise-jumping_jack = Jumping jack
    .object = jumping jack
    .subject = jumping jack
    .topic = jumping jack
condition-jumping_jack-arms_overhead = Hands overhead
condition-jumping_jack-feet_apart = Feet wider than shoulders
condition-jumping_jack-full_return = Arms all the way down

exercise-high_knees = High knees
    .object = high knees
    .subject = high knees
    .topic = high knees
condition-high_knees-knees_hip_height = Knees to hip height
condition-high_knees-upright_torso = Upright torso
condition-high_knees-gaze_forward = Eyes forward

exercise-russian_twist = Russian twist
    .object = russian twist
    .subject = russian twist
    .topic = russian twist
condition-russian_twist-shoulders_rotate = Full shoulder rotation
condition-russian_twist-torso_angle_kept = Steady torso angle
condition-russian_twist-neutral_spine = Neutral spine

exercise-bench_press = Bench press
    .object = bench press
    .subject = bench press
    .topic = bench press
condition-bench_press-bar_to_chest = Bar down to the chest
condition-bench_press-forearms_vertical = Vertical forearms
condition-bench_press-wrist_neutral = Neutral wrists

exercise-wall_sit = Wall sit
    .object = wall sit
    .subject = wall sit
    .topic = wall sit
condition-wall_sit-knees_90 = Knees at 90 degrees
condition-wall_sit-back_on_wall = Back against the wall
condition-wall_sit-knees_track_feet = Knees track the feet

exercise-step_up = Step-up
    .object = step-up
    .subject = step-up
    .topic = step-up
condition-step_up-knees_track_feet = Knees track the feet
condition-step_up-torso_upright = No excessive forward lean
condition-step_up-full_hip_extension = Hips fully extended at the top

exercise-v_up = V-up
    .object = V-up
    .subject = V-up
    .topic = V-up
condition-v_up-hands_reach_feet = Hands reach the feet
condition-v_up-legs_straight = Straight legs
condition-v_up-tension_lowering = Tension on the way down

exercise-shoulder_shrug = Shrug
    .object = shrug
    .subject = shrug
    .topic = shrug
condition-shoulder_shrug-straight_up = Shoulders straight up
condition-shoulder_shrug-arms_straight = Straight arms
condition-shoulder_shrug-head_forward = Head facing forward

exercise-bear_crawl = Bear crawl
    .object = bear crawl
    .subject = bear crawl
    .topic = bear crawl
condition-bear_crawl-hips_level = Hips level
condition-bear_crawl-knees_low = Knees low
condition-bear_crawl-neutral_spine = Neutral spine

exercise-renegade_row = Renegade row
    .object = renegade row
    .subject = renegade row
    .topic = renegade row
condition-renegade_row-no_hip_rotation = No hip rotation
condition-renegade_row-dumbbell_close = Dumbbell close to the body
condition-renegade_row-hips_aligned = Hips in line with the torso


## Name chosen by exercise id

exercise-name = { $exercise ->
        [push_up] { exercise-push_up }
        [knee_push_up] { exercise-knee_push_up }
        [good_morning] { exercise-good_morning }
        [y_raise] { exercise-y_raise }
        [side_crunch] { exercise-side_crunch }
        [knee_up] { exercise-knee_up }
        [lying_leg_raise] { exercise-lying_leg_raise }
        [crunch] { exercise-crunch }
        [bicycle_crunch] { exercise-bicycle_crunch }
        [scissor_cross] { exercise-scissor_cross }
        [plank] { exercise-plank }
        [burpee] { exercise-burpee }
        [lunge_forward] { exercise-lunge_forward }
        [lunge_backward] { exercise-lunge_backward }
        [side_lunge] { exercise-side_lunge }
        [cross_lunge] { exercise-cross_lunge }
        [hip_thrust] { exercise-hip_thrust }
        [chest_fly] { exercise-chest_fly }
        [incline_chest_fly] { exercise-incline_chest_fly }
        [dumbbell_pullover] { exercise-dumbbell_pullover }
        [barbell_row] { exercise-barbell_row }
        [dumbbell_row] { exercise-dumbbell_row }
        [lying_triceps_extension] { exercise-lying_triceps_extension }
        [front_raise] { exercise-front_raise }
        [upright_row] { exercise-upright_row }
        [overhead_press] { exercise-overhead_press }
        [lateral_raise] { exercise-lateral_raise }
        [barbell_curl] { exercise-barbell_curl }
        [biceps_curl] { exercise-biceps_curl }
        [stiff_leg_deadlift] { exercise-stiff_leg_deadlift }
        [deadlift] { exercise-deadlift }
        [squat] { exercise-squat }
        [barbell_lunge] { exercise-barbell_lunge }
        [dips] { exercise-dips }
        [pull_up] { exercise-pull_up }
        [lat_pulldown] { exercise-lat_pulldown }
        [hanging_leg_raise] { exercise-hanging_leg_raise }
        [cable_crunch] { exercise-cable_crunch }
        [triceps_pushdown] { exercise-triceps_pushdown }
        [face_pull] { exercise-face_pull }
        [rowing_machine] { exercise-rowing_machine }
        [jumping_jack] { exercise-jumping_jack }
        [high_knees] { exercise-high_knees }
        [russian_twist] { exercise-russian_twist }
        [bench_press] { exercise-bench_press }
        [wall_sit] { exercise-wall_sit }
        [step_up] { exercise-step_up }
        [v_up] { exercise-v_up }
        [shoulder_shrug] { exercise-shoulder_shrug }
        [bear_crawl] { exercise-bear_crawl }
        [renegade_row] { exercise-renegade_row }
       *[other] Exercise
    }
    .object = { $exercise ->
        [push_up] { exercise-push_up.object }
        [knee_push_up] { exercise-knee_push_up.object }
        [good_morning] { exercise-good_morning.object }
        [y_raise] { exercise-y_raise.object }
        [side_crunch] { exercise-side_crunch.object }
        [knee_up] { exercise-knee_up.object }
        [lying_leg_raise] { exercise-lying_leg_raise.object }
        [crunch] { exercise-crunch.object }
        [bicycle_crunch] { exercise-bicycle_crunch.object }
        [scissor_cross] { exercise-scissor_cross.object }
        [plank] { exercise-plank.object }
        [burpee] { exercise-burpee.object }
        [lunge_forward] { exercise-lunge_forward.object }
        [lunge_backward] { exercise-lunge_backward.object }
        [side_lunge] { exercise-side_lunge.object }
        [cross_lunge] { exercise-cross_lunge.object }
        [hip_thrust] { exercise-hip_thrust.object }
        [chest_fly] { exercise-chest_fly.object }
        [incline_chest_fly] { exercise-incline_chest_fly.object }
        [dumbbell_pullover] { exercise-dumbbell_pullover.object }
        [barbell_row] { exercise-barbell_row.object }
        [dumbbell_row] { exercise-dumbbell_row.object }
        [lying_triceps_extension] { exercise-lying_triceps_extension.object }
        [front_raise] { exercise-front_raise.object }
        [upright_row] { exercise-upright_row.object }
        [overhead_press] { exercise-overhead_press.object }
        [lateral_raise] { exercise-lateral_raise.object }
        [barbell_curl] { exercise-barbell_curl.object }
        [biceps_curl] { exercise-biceps_curl.object }
        [stiff_leg_deadlift] { exercise-stiff_leg_deadlift.object }
        [deadlift] { exercise-deadlift.object }
        [squat] { exercise-squat.object }
        [barbell_lunge] { exercise-barbell_lunge.object }
        [dips] { exercise-dips.object }
        [pull_up] { exercise-pull_up.object }
        [lat_pulldown] { exercise-lat_pulldown.object }
        [hanging_leg_raise] { exercise-hanging_leg_raise.object }
        [cable_crunch] { exercise-cable_crunch.object }
        [triceps_pushdown] { exercise-triceps_pushdown.object }
        [face_pull] { exercise-face_pull.object }
        [rowing_machine] { exercise-rowing_machine.object }
        [jumping_jack] { exercise-jumping_jack.object }
        [high_knees] { exercise-high_knees.object }
        [russian_twist] { exercise-russian_twist.object }
        [bench_press] { exercise-bench_press.object }
        [wall_sit] { exercise-wall_sit.object }
        [step_up] { exercise-step_up.object }
        [v_up] { exercise-v_up.object }
        [shoulder_shrug] { exercise-shoulder_shrug.object }
        [bear_crawl] { exercise-bear_crawl.object }
        [renegade_row] { exercise-renegade_row.object }
       *[other] exercise
    }
    .subject = { $exercise ->
        [push_up] { exercise-push_up.subject }
        [knee_push_up] { exercise-knee_push_up.subject }
        [good_morning] { exercise-good_morning.subject }
        [y_raise] { exercise-y_raise.subject }
        [side_crunch] { exercise-side_crunch.subject }
        [knee_up] { exercise-knee_up.subject }
        [lying_leg_raise] { exercise-lying_leg_raise.subject }
        [crunch] { exercise-crunch.subject }
        [bicycle_crunch] { exercise-bicycle_crunch.subject }
        [scissor_cross] { exercise-scissor_cross.subject }
        [plank] { exercise-plank.subject }
        [burpee] { exercise-burpee.subject }
        [lunge_forward] { exercise-lunge_forward.subject }
        [lunge_backward] { exercise-lunge_backward.subject }
        [side_lunge] { exercise-side_lunge.subject }
        [cross_lunge] { exercise-cross_lunge.subject }
        [hip_thrust] { exercise-hip_thrust.subject }
        [chest_fly] { exercise-chest_fly.subject }
        [incline_chest_fly] { exercise-incline_chest_fly.subject }
        [dumbbell_pullover] { exercise-dumbbell_pullover.subject }
        [barbell_row] { exercise-barbell_row.subject }
        [dumbbell_row] { exercise-dumbbell_row.subject }
        [lying_triceps_extension] { exercise-lying_triceps_extension.subject }
        [front_raise] { exercise-front_raise.subject }
        [upright_row] { exercise-upright_row.subject }
        [overhead_press] { exercise-overhead_press.subject }
        [lateral_raise] { exercise-lateral_raise.subject }
        [barbell_curl] { exercise-barbell_curl.subject }
        [biceps_curl] { exercise-biceps_curl.subject }
        [stiff_leg_deadlift] { exercise-stiff_leg_deadlift.subject }
        [deadlift] { exercise-deadlift.subject }
        [squat] { exercise-squat.subject }
        [barbell_lunge] { exercise-barbell_lunge.subject }
        [dips] { exercise-dips.subject }
        [pull_up] { exercise-pull_up.subject }
        [lat_pulldown] { exercise-lat_pulldown.subject }
        [hanging_leg_raise] { exercise-hanging_leg_raise.subject }
        [cable_crunch] { exercise-cable_crunch.subject }
        [triceps_pushdown] { exercise-triceps_pushdown.subject }
        [face_pull] { exercise-face_pull.subject }
        [rowing_machine] { exercise-rowing_machine.subject }
        [jumping_jack] { exercise-jumping_jack.subject }
        [high_knees] { exercise-high_knees.subject }
        [russian_twist] { exercise-russian_twist.subject }
        [bench_press] { exercise-bench_press.subject }
        [wall_sit] { exercise-wall_sit.subject }
        [step_up] { exercise-step_up.subject }
        [v_up] { exercise-v_up.subject }
        [shoulder_shrug] { exercise-shoulder_shrug.subject }
        [bear_crawl] { exercise-bear_crawl.subject }
        [renegade_row] { exercise-renegade_row.subject }
       *[other] exercise
    }
    .topic = { $exercise ->
        [push_up] { exercise-push_up.topic }
        [knee_push_up] { exercise-knee_push_up.topic }
        [good_morning] { exercise-good_morning.topic }
        [y_raise] { exercise-y_raise.topic }
        [side_crunch] { exercise-side_crunch.topic }
        [knee_up] { exercise-knee_up.topic }
        [lying_leg_raise] { exercise-lying_leg_raise.topic }
        [crunch] { exercise-crunch.topic }
        [bicycle_crunch] { exercise-bicycle_crunch.topic }
        [scissor_cross] { exercise-scissor_cross.topic }
        [plank] { exercise-plank.topic }
        [burpee] { exercise-burpee.topic }
        [lunge_forward] { exercise-lunge_forward.topic }
        [lunge_backward] { exercise-lunge_backward.topic }
        [side_lunge] { exercise-side_lunge.topic }
        [cross_lunge] { exercise-cross_lunge.topic }
        [hip_thrust] { exercise-hip_thrust.topic }
        [chest_fly] { exercise-chest_fly.topic }
        [incline_chest_fly] { exercise-incline_chest_fly.topic }
        [dumbbell_pullover] { exercise-dumbbell_pullover.topic }
        [barbell_row] { exercise-barbell_row.topic }
        [dumbbell_row] { exercise-dumbbell_row.topic }
        [lying_triceps_extension] { exercise-lying_triceps_extension.topic }
        [front_raise] { exercise-front_raise.topic }
        [upright_row] { exercise-upright_row.topic }
        [overhead_press] { exercise-overhead_press.topic }
        [lateral_raise] { exercise-lateral_raise.topic }
        [barbell_curl] { exercise-barbell_curl.topic }
        [biceps_curl] { exercise-biceps_curl.topic }
        [stiff_leg_deadlift] { exercise-stiff_leg_deadlift.topic }
        [deadlift] { exercise-deadlift.topic }
        [squat] { exercise-squat.topic }
        [barbell_lunge] { exercise-barbell_lunge.topic }
        [dips] { exercise-dips.topic }
        [pull_up] { exercise-pull_up.topic }
        [lat_pulldown] { exercise-lat_pulldown.topic }
        [hanging_leg_raise] { exercise-hanging_leg_raise.topic }
        [cable_crunch] { exercise-cable_crunch.topic }
        [triceps_pushdown] { exercise-triceps_pushdown.topic }
        [face_pull] { exercise-face_pull.topic }
        [rowing_machine] { exercise-rowing_machine.topic }
        [jumping_jack] { exercise-jumping_jack.topic }
        [high_knees] { exercise-high_knees.topic }
        [russian_twist] { exercise-russian_twist.topic }
        [bench_press] { exercise-bench_press.topic }
        [wall_sit] { exercise-wall_sit.topic }
        [step_up] { exercise-step_up.topic }
        [v_up] { exercise-v_up.topic }
        [shoulder_shrug] { exercise-shoulder_shrug.topic }
        [bear_crawl] { exercise-bear_crawl.topic }
        [renegade_row] { exercise-renegade_row.topic }
       *[other] exercise
    }
