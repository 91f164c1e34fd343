namespace Safeguard.Core.DemoBorough;

/// <summary>Made-up, short and varied wording for the demo's social work records. Nothing here describes a real person.</summary>
internal static class SocialWorkText
{
    public static readonly string[] AllocationReasons =
    [
        "Capacity in the team and experience of working with families where there is domestic abuse",
        "Already holds an older sibling's case, so the family has one worker",
        "Lowest caseload in the team this week; speaks the family's first language",
        "Experience of working with teenagers and with the youth offending service",
        "Worked with the family during an earlier episode and knows them",
        "Experience with disabled children and their carers",
    ];

    public static readonly string[] ReallocationReasons =
    [
        "The previous worker has left the authority",
        "The previous worker is on long-term leave",
        "Caseload balancing across the team after two new starters",
        "The family asked for a change of worker after a complaint was resolved",
        "The previous worker moved to another team",
    ];

    public static readonly string[] Analysis =
    [
        "Mother is engaging well and recognises the impact of the arguments at home on the children. Risks are reducing but support is still needed.",
        "The child's needs are being met day to day, but school attendance has fallen and the family is under financial strain.",
        "There is a pattern of neglect: poor home conditions, missed health appointments and late arrival at school. Parents minimise the concerns.",
        "The referral concerns are substantiated in part. Protective factors include the maternal grandmother, who is closely involved.",
        "Father's drinking has increased since he lost his job. The children describe feeling worried at weekends.",
        "The young person is going missing overnight and is associating with older peers; there are indicators of exploitation.",
        "Parents are caring and committed but exhausted; the child's complex needs require a coordinated package of support.",
    ];

    public static readonly string[] ChildViews =
    [
        "Said home is 'mostly OK' but they do not like it when mum and dad shout. Wants to stay at the same school.",
        "Drew a picture of the family and put the dog closest to them. Would like more time with their dad.",
        "Too young to give views; observed to be settled and responsive with their mother.",
        "Said they feel safe at home and at their nan's. Worried about their mum being sad.",
        "Did not want to talk about home but said football club is the best part of the week.",
        "Wants people to stop asking questions; agreed to meet the worker again at school.",
    ];

    public static readonly string[] FamilyViews =
    [
        "Mother agrees she needs help with routines and would welcome a family support worker.",
        "Parents feel the referral was unfair but accept some support around the children's school attendance.",
        "Father wants to be more involved and will attend the parenting course.",
        "Grandmother is willing to help with school runs and overnight care when needed.",
        "Mother says things have improved since her partner moved out and wants the case closed soon.",
    ];

    public static readonly string[] LateReasons =
    [
        "Waiting for the health visitor's and the GP's information before the analysis could be finished.",
        "The family missed two appointments; the child was seen alone only at the third attempt.",
        "Worker on sick leave for two weeks; the case was covered for visits only.",
        "New information from the police part-way through needed further checks.",
        "Interpreter availability delayed the direct work with the child.",
    ];

    public static readonly string[] ReturnReasons =
    [
        "The analysis does not say what the risks are now: please add it, and the child's own words.",
        "The father's views are missing; please speak to him before I authorise.",
        "The outcome does not follow from the analysis: explain why a plan is not needed.",
        "Please record the school's view of attendance before this is completed.",
    ];

    public static readonly string[] AuthoriseReasons =
    [
        "Analysis is clear and the outcome follows from it.",
        "Agreed: the plan addresses the needs identified.",
        "Good direct work with the child; outcome agreed.",
        "Agreed, with the next steps recorded in the plan.",
        "Thorough assessment; risks and strengths well balanced.",
    ];

    public static readonly string[] PlanAims =
    [
        "The children attend school every day and arrive on time; the home is safe and clean; mother has support for her mental health.",
        "The child's complex health needs are met through one coordinated plan, and the parents have regular short breaks.",
        "The young person is safe from exploitation, back in education and has a trusted adult to talk to.",
        "There is no more domestic abuse in the home and the children understand what has happened.",
        "Parents have consistent routines and boundaries, and the children's emotional wellbeing improves.",
    ];

    /// <summary>Plan actions, with who does them when not the worker: (text, outside owner or null for a member of staff).</summary>
    public static readonly (string Text, string? Owner)[] PlanActions =
    [
        ("Refer mother to the local talking therapies service and support her to attend the first session", null),
        ("Complete a home conditions checklist with the family and agree three changes", null),
        ("Attend every school day; the school will call home by 9:30 on any absence", "Designated safeguarding lead, school"),
        ("Register the baby with the GP and book the 8-week check", "Health visitor"),
        ("Complete the Freedom Programme", "Mother"),
        ("Complete the parenting course at the family hub", "Parents"),
        ("Direct work sessions with the child about worries and feelings (six sessions)", null),
        ("Apply for a short breaks assessment from the disabled children's service", null),
        ("Contact the housing officer about the damp and the repairs outstanding", null),
        ("Arrange a return home interview after any missing episode", null),
        ("Refer to the young people's substance misuse service", null),
        ("Keep the family's rent account up to date with the debt adviser's plan", "Father"),
        ("Attend the dental appointment for both children", "Parents"),
        ("Share the attendance register with the social worker every fortnight", "Education welfare officer"),
    ];

    public static readonly string[] Progress =
    [
        "Done: confirmed with the family and the service.",
        "Started; first session attended, second booked.",
        "Some progress but not yet complete: followed up with the family.",
        "Not started: the family has not taken up the referral yet; discussed at the review.",
        "Completed ahead of time.",
        "No longer needed: circumstances changed.",
        "Partly done; the service has a waiting list of six weeks.",
    ];

    public static readonly string[] Attendees =
    [
        "Mother, father, social worker, school DSL, health visitor",
        "Mother, maternal grandmother, social worker, school nurse",
        "Young person, father, social worker, youth worker, school",
        "Parents, social worker, family support worker, GP (by report)",
        "Mother, social worker, nursery manager, housing officer",
    ];

    public static readonly string[] Minutes =
    [
        "Attendance has improved to 93%. Mother is attending her sessions. The children said things at home are calmer.",
        "The home conditions have improved, but the family is struggling with rent arrears. The housing officer will follow up.",
        "The young person has not been missing since the last review and is attending college three days a week.",
        "Progress is slower than hoped: two actions are late. The reasons were discussed and new dates agreed.",
        "The family feels ready to manage with early help. All professionals agree the risks have reduced.",
    ];

    public static readonly string[] Decisions =
    [
        "The plan continues unchanged; next review in three months.",
        "The plan continues with two new actions agreed.",
        "The plan continues; the late actions have new dates and owners.",
        "Consider stepping down to early help at the next review if progress holds.",
    ];

    public static readonly string[] Observations =
    [
        "The home was warm and tidy; there was food in the cupboards.",
        "The child showed me their bedroom and their new school bag.",
        "Mother appeared tired but was warm and attentive with the baby.",
        "There were dirty dishes piled in the kitchen and a strong smell of smoke.",
        "The child was chatty and relaxed and played with the dog throughout.",
        "Father was present and answered questions about the new routine.",
        "The young person was quiet and kept their hood up; agreed to meet at school next time.",
        "We talked about the worries chart; the child put a smiley face next to school.",
        "The garden was full of rubbish bags; mother said the council would collect them this week.",
        "Carers reported settled sleep and good appetite; the child is enjoying swimming lessons.",
        "Sibling was also seen and spoke positively about the changes at home.",
        "The child had a bruise on the forearm; explained as a fall at football, consistent with the school's account.",
    ];

    public static readonly string[] NotSeenReasons =
    [
        "No answer at the door; a card was left and the family called back the next day",
        "The child was staying with a relative; mother was seen",
        "The family cancelled on the day: rearranged for the following week",
        "The child was in hospital for a planned operation; parents seen",
        "The young person refused to come out of their room",
    ];

    public static readonly string[] NotAloneReasons =
    [
        "Would not separate from their mother today",
        "Asked for their carer to stay in the room",
        "No private space at the contact centre: to be seen alone at school",
        "Father would not leave the room; raised with the manager",
    ];

    public static readonly string[] OtherPlaces = ["Local park", "Contact centre", "Hospital ward", "Youth club", "Family hub"];

    public static readonly (string First, string? More)[] NoteText =
    [
        ("Called mother to arrange the next visit", "She confirmed Tuesday after school; the children will be home."),
        ("Email from school: attendance this week 100%", null),
        ("Health visitor update: baby gaining weight well", "Next check in six weeks."),
        ("Telephone call from the police about an incident at the address last night", "No arrests; officers attended for a noise complaint. Will discuss with the manager."),
        ("Direct work: three houses exercise", "House of worries: arguments about money. House of good things: nan, football, the dog. House of dreams: a bedroom of their own."),
        ("Professionals' meeting held at school", "School, health visitor and family support worker attended. Agreed to share attendance fortnightly."),
        ("Discussed the case with the team manager", "Agreed to hold the review early because of the new information from the police."),
        ("Letter sent to father inviting him to the review", null),
        ("Mother came into the office to drop off the signed consent form", "She said the new routine is working."),
        ("Call from the GP surgery: missed appointment for the child's asthma review", "Practice will rebook; mother told."),
        ("Text from the young person asking to move the session to Thursday", null),
        ("Housing officer confirmed the repairs are booked for next month", null),
        ("Family support worker update: bedtime routine in place four nights out of five", null),
        ("School reported the child arrived hungry twice this week", "Breakfast club place offered; mother agreed."),
    ];

    public static readonly string[] SeenOnNotes = ["Mother", "Mother and child", "Child", "Father", "Parents", "Carer and child", "Young person"];

    public static readonly string[] OversightDecisions =
    [
        "Case progressing in line with the plan; continue.",
        "Visits are behind: bring the next visit forward and see the child alone.",
        "Consider whether the threshold for a strategy discussion is met given the police information.",
        "Risks reduced; plan a step down to early help at the next review.",
        "Assessment to be completed by its due date; chase the health information.",
        "Progress is drifting: agree firm dates for the late plan actions.",
        "Seek legal advice about the pre-proceedings letter.",
    ];

    public static readonly string[] OversightRationale =
    [
        "The child is seen regularly and school reports improvement.",
        "The last visit was more than four weeks ago and the child was not seen alone.",
        "New information suggests the risks may be escalating.",
        "All professionals report sustained progress over three months.",
        "The family's engagement has dropped since the last review.",
    ];

    public static readonly string[] OversightActions =
    [
        "Visit the child at school and see them alone",
        "Update the chronology with the police information",
        "Hold a professionals' meeting before the next review",
        "Complete the genogram with the family",
        "Request the GP's information",
        "Make the referral to the family support service",
        "Agree new dates for the late plan actions with the family",
        "Write the case summary for the legal planning meeting",
    ];

    public static readonly string[] CompletionNotes =
    [
        "Done; recorded in the case notes.",
        "Completed at the visit on the day.",
        "Done, and the manager updated.",
        "Completed; information on file.",
    ];

    public static readonly string[] FollowUpNotes =
    [
        "Worker was on leave; agreed a new date.",
        "Waiting for the family's consent; chase this week.",
        "Not done yet: prioritised the urgent visits. New date agreed in supervision.",
    ];

    public static readonly string[] SupervisionNotes =
    [
        "Caseload discussed; wellbeing good. Training booked on working with adolescents.",
        "Worker feeling stretched: two cases moved to a new starter.",
        "Reflective discussion about a difficult visit; support offered.",
        "Annual leave planned; cover arrangements agreed for visits.",
        "Learning from the recent audit discussed: record the child's words.",
    ];

    public static readonly string[] ClosureReasons =
    [
        "The plan's outcomes have been met and the family agrees the case can close. The school will continue to monitor.",
        "The risks identified at referral have reduced and been sustained for three months.",
        "The family has moved to another local authority; the case has been transferred.",
        "The assessment found no further action is needed; the family has been given advice and information.",
        "A special guardianship order was made in favour of the grandparents.",
    ];

    public static readonly string[] StepDownReasons =
    [
        "The assessment found needs that early help can meet: the family support worker will continue the routines work.",
        "Progress is sustained; early help will support the family with school attendance and parenting.",
    ];

    public static readonly string[] SendBackReasons =
    [
        "The plan's last two actions are not done: wait until they are, then propose again.",
        "Please record the child's views about the case closing before I sign it off.",
        "The school's view is missing: speak to them first.",
    ];
}
