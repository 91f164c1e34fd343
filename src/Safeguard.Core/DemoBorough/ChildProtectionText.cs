namespace Safeguard.Core.DemoBorough;

/// <summary>Made-up, short and varied wording for the demo's child protection records. Nothing here describes a real person.</summary>
internal static class ChildProtectionText
{
    public static readonly string[] InformationShared =
    [
        "Police shared two call-outs to the address in the last month for arguments between the parents; the children were present at the second.",
        "School reported a bruise to the child's upper arm seen in PE; the child gave two different accounts of how it happened.",
        "The health visitor has found the home cold and dirty on three visits, with little food, and the baby has missed two immunisations.",
        "The GP shared that mother has stopped taking her medication and missed her mental health appointments; she told the practice nurse she was not coping.",
        "The hospital saw the baby for an injury that does not fit the explanation given; a skeletal survey has been requested.",
        "Police have intelligence that the young person is being picked up late at night by older males in cars; she has been missing three times this month.",
        "The child told a teaching assistant that her mother's partner hits her when he has been drinking.",
        "Father was released from prison last week and has returned to the family home, against the conditions of his licence.",
    ];

    public static readonly string[] SafetyActions =
    [
        "Mother agreed the children stay with the maternal grandmother while the enquiry is made; the social worker visits tonight.",
        "Police to speak to the father today and give him warning; the child to be seen at school tomorrow morning.",
        "The child to be seen alone and medically examined within 24 hours; the parents are not to be told before the examination.",
        "Written agreement that the partner does not stay at the house; unannounced visits over the weekend by the out-of-hours team.",
        "Child protection medical booked at the hospital this afternoon; the health visitor to visit daily this week.",
    ];

    public static readonly string[] StartReasons =
    [
        "There is reasonable cause to suspect the child is suffering, or is likely to suffer, significant harm: a section 47 enquiry is needed.",
        "The injury and the inconsistent accounts need a joint enquiry with the police.",
        "The pattern of neglect has continued despite support under the child in need plan: the threshold for a section 47 enquiry is met.",
        "Repeated incidents of domestic abuse with the children present; the risk is escalating.",
    ];

    public static readonly string[] NoEnquiryReasons =
    [
        "The explanation is consistent and supported by the GP's records; the work continues as a child and family assessment.",
        "The concerns do not meet the threshold for a section 47 enquiry; the family has agreed to support under a child in need plan.",
    ];

    public static readonly string[] ContinueReasons =
    [
        "The medical findings are now known: the enquiry continues and the police will interview the father.",
        "New information from school: the enquiry continues with a joint visit.",
    ];

    public static readonly string[] NotSubstantiatedReasons =
    [
        "The child's account and the medical findings are consistent with an accident; no further concerns from school or health.",
        "The allegation was not borne out: the child retracted it and there is no other evidence of harm.",
        "Home conditions had improved by the time of the joint visit; the family accept support from early help.",
    ];

    public static readonly string[] NoContinuingRiskReasons =
    [
        "The concerns are substantiated, but the father has left the home and mother is acting protectively: support as a child in need.",
        "The harm happened, but the parents have engaged fully with the plan and the risk has reduced: a child in need plan will follow.",
        "Substantiated, but the young person is now living with an aunt who is keeping her safe.",
    ];

    public static readonly string[] ConferenceReasons =
    [
        "The concerns are substantiated and the child is judged at continuing risk of significant harm: an initial child protection conference is needed.",
        "The harm is substantiated and the parents do not accept the concerns; the risk continues.",
    ];

    public static readonly string[] PlanReasons =
    [
        "The conference agreed that the child is likely to suffer significant harm and needs a multi-agency child protection plan.",
        "The parents have not been able to make or keep the changes needed; the risk of significant harm continues.",
        "All agencies shared concerns about the child's safety at home; the conference agreed a plan by majority, with the police dissenting in favour.",
    ];

    public static readonly string[] NoPlanReasons =
    [
        "The threshold for a plan is not met: the family will be supported under a child in need plan with a review in three months.",
        "The risk has reduced since the enquiry; the conference agreed the child is not likely to suffer significant harm.",
    ];

    public static readonly string[] ContinueDecisions =
    [
        "The risk of significant harm remains: the plan continues with the actions revised.",
        "Some progress, but not yet sustained: the plan continues.",
        "The plan continues; the core group is to meet fortnightly until the next review.",
    ];

    public static readonly string[] EndDecisions =
    [
        "The changes have been sustained for six months and the child is no longer judged at risk of significant harm.",
        "Agencies agree the risk has reduced; the plan ends and support continues.",
    ];

    public static readonly string[] PlanWorking =
    [
        "Home conditions have been good on every unannounced visit since the last review; school attendance is up to 96%.",
        "Mother has completed the domestic abuse programme and the father has not returned to the home.",
        "The child says she feels safer and the core group reports steady progress on every action.",
    ];

    public static readonly string[] PlanNotWorking =
    [
        "Two of the last four visits found the home in the same state as at the start; the parenting assessment has not started.",
        "Father has been seen at the home twice despite the agreement; mother did not attend the last core group.",
        "Health appointments are still being missed and the baby's weight has dropped from the 25th to the 9th centile.",
    ];

    public static readonly string[] WorkNotDone =
    [
        "The referral to the parenting programme was not made: the chair asked the team manager to make it this week.",
        "The housing officer did not attend and the housing assessment is outstanding; the chair will escalate to the head of housing.",
        "The GP report was not received; the chair wrote to the practice's safeguarding lead.",
        "The child was not seen alone at two of the last visits; the chair challenged this and asked for it to be recorded at each visit.",
    ];

    public const string NoWorkNotDone = "None: all the work agreed at the last conference was done.";

    public static readonly string[] ChildViews =
    [
        "Said she wants to stay at home but wants the shouting to stop.",
        "Told the advocate he likes his school and his football club, and does not want to move.",
        "Wrote that she feels safer since her stepfather left, and wants to see her dad more.",
        "Drew her family with the dog and the health visitor; said home is 'OK now'.",
    ];

    public static readonly string[] ParentsViews =
    [
        "Mother accepts that things were not good enough and wants help; father does not accept the concerns.",
        "Both parents disagreed with the decision but said they will work with the plan.",
        "Mother said she feels judged by the professionals but wants the children to stay with her.",
        "Father said he has stopped drinking and wants the plan to end quickly.",
    ];

    public static readonly string[] Reports =
    [
        "Seen at the practice twice since the last conference; immunisations now up to date. No new concerns.",
        "Attendance 88% this term, with lateness on Mondays. Presents as happy in class; reports being hungry some mornings.",
        "Two incidents attended since the last conference; no arrests. Father known for violence in a previous relationship.",
        "Weight and development on track; the home was cleaner at the last two visits. Mother engaging well.",
        "Missed two appointments; seen once with mother, who appeared low in mood.",
    ];

    public static readonly (string Text, bool Worker)[] Actions =
    [
        ("Visit the children at home every 10 working days, at least one visit in four unannounced, and see each child alone", true),
        ("Complete a parenting assessment and share it with the core group", true),
        ("Refer mother to the domestic abuse service and confirm she has attended an assessment", true),
        ("Make sure the baby attends the 12-month development check and immunisations", false),
        ("Keep the home clean and safe, with food in the house, at every visit", false),
        ("Attend the substance misuse service weekly and provide test results to the social worker", false),
        ("Record attendance daily and tell the social worker the same day of any absence", false),
        ("Arrange a family group conference to plan who can support the family", true),
        ("Carry out direct work with the child about feeling safe, in four sessions", true),
        ("Share any police call-outs to the address with the social worker within 24 hours", false),
    ];

    public static readonly string[] CoreGroupNotes =
    [
        "Progress reviewed against each action. Home conditions improved; the parenting assessment is under way. Next core group agreed.",
        "Mother attended with her advocate. School report better attendance; health visitor has concerns about the baby's weight.",
        "Father did not attend. The group agreed to increase unannounced visits and ask the police for a welfare check at weekends.",
        "Actions updated: two completed, one not started (the referral to the parenting programme); the team manager will chase it.",
        "The child's views shared by the social worker; the group agreed the direct work should continue.",
    ];

    public static readonly string[] Progress =
    [
        "Done, confirmed at the core group.",
        "Under way: two sessions completed.",
        "Started late; the owner will report back at the next core group.",
        "Not needed any more: the family moved to a new home.",
    ];

    public static readonly string[] EmergencyDetails =
    [
        "Police used their powers when the child was found alone at home at night; placed with a foster carer, returned to the grandmother the next day.",
        "Emergency protection order granted by the family court after the baby's injuries were found; placed in foster care.",
        "Police protection after a violent incident at the home; the child stayed with an aunt until the strategy discussion.",
    ];
}
