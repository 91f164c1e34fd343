namespace Safeguard.Core.DemoBorough;

/// <summary>
/// Made-up words for the front door: what referrers say, why the contact service and the MASH decided as they
/// did, what partners were asked and answered. Phrases are combined at random so no two contacts read alike;
/// {c} is one child's first name, {kids} the children ("the children", or the one child's name), {p} a parent.
/// Nothing here describes a real person or a real case.
/// </summary>
internal static class FrontDoorText
{
    /// <summary>The DfE factors a contact describes, with how often each comes up, and what a referrer might say about it.</summary>
    public static readonly Dictionary<string, (double Weight, string[] Phrases)> Factors = new()
    {
        ["3B"] = (20, ["{p} was assaulted by a former partner with {kids} in the home.", "Neighbours heard shouting and banging; {p} had a cut lip when officers arrived.",
            "{p} says the partner has been controlling money and phones for months.", "A non-molestation order is in place but the ex-partner came to the house again."]),
        ["16A"] = (12, ["{c} often arrives hungry and in the same clothes for several days.", "The home was found cold, with little food and dirty bedding.",
            "Several health appointments and immunisations have been missed.", "{c} has untreated tooth decay and head lice that keep coming back."]),
        ["4B"] = (10, ["{p} has stopped taking prescribed medication and is struggling to get up in the mornings.", "{p} talked about feeling hopeless and not coping with {kids}.",
            "{p} was recently discharged from a mental health ward and support at home is unclear."]),
        ["2B"] = (6, ["Drug paraphernalia was seen within reach of {kids}.", "{p} appeared under the influence of drugs when collecting {c} from school.",
            "Information suggests {p} is using cocaine at weekends while caring for {kids}."]),
        ["1B"] = (6, ["{p} was intoxicated and unable to care for {kids} when officers attended.", "{p} smelled strongly of alcohol at the school gate on several mornings.",
            "A relative says {p}'s drinking has got worse since losing a job."]),
        ["17A"] = (6, ["{c} says {p} shouts and calls them names most days.", "{c} appears anxious and withdrawn and says they are not allowed to see friends.",
            "{c} is often blamed for the adults' arguments."]),
        ["18C"] = (6, ["{c} has a bruise on the cheek and gave different accounts of how it happened.", "{c} told a teacher that {p} hit them with a belt.",
            "Finger-tip bruising was noticed on {c}'s upper arm."]),
        ["4A"] = (6, ["{c} has been low in mood and has stopped eating properly.", "{c} is waiting for a CAMHS appointment and is not attending school.",
            "{c} talked about not wanting to be alive."]),
        ["15A"] = (4, ["{c} has cuts to both forearms and says this has happened before.", "{c} took an overdose of paracetamol and was seen at hospital.",
            "Friends report {c} has been self-harming in the school toilets."]),
        ["10A"] = (4, ["{c} was reported missing overnight and returned the next afternoon.", "{c} has been missing three times this month, once found in another town.",
            "{c} returns late at night and will not say where they have been."]),
        ["24A"] = (3, ["{c} has been seen with older young people and has a new phone and cash.", "{c} was stopped by police carrying a large amount of cash.",
            "There are concerns that {c} is being used to carry drugs."]),
        ["11A"] = (2, ["{c} has been picked up by adult men in cars outside school.", "{c} has been sending images to an adult met online."]),
        ["14A"] = (4, ["{c} has been excluded twice this term for aggressive behaviour.", "{c} damaged property at home and {p} says they cannot manage."]),
        ["13A"] = (1.5, ["{c} is thought to be associated with a local gang.", "{c} was present when a group was involved in a stabbing."]),
        ["19C"] = (1.5, ["{c} made a disclosure of sexual abuse by an adult known to the family.", "{c} told a friend an adult had touched them inappropriately."]),
        ["19B"] = (1, ["{c} disclosed harmful sexual behaviour by an older child."]),
        ["18B"] = (1, ["{c} was assaulted by an older child near the home."]),
        ["7A"] = (1.5, ["{c} is caring for a parent with a long-term illness and is often late for school."]),
        ["6B"] = (1.5, ["{p} has a serious illness and is finding it hard to look after {kids}."]),
        ["5A"] = (1, ["{c} has a learning disability and the family is struggling to meet their needs."]),
        ["3A"] = (1.5, ["{c} was hurt while trying to stop an argument between the adults."]),
        ["2A"] = (1, ["{c} was found with cannabis at school."]),
        ["1A"] = (0.5, ["{c} was found drunk in a park late at night."]),
        ["20"] = (3, ["The family is about to be evicted and has nowhere to go.", "The family has no recourse to public funds and little money for food."]),
        ["22A"] = (0.3, ["A relative is worried that {c} may be taken abroad for female genital mutilation."]),
        ["23A"] = (0.3, ["{c} says adults at a place of worship told them they were possessed."]),
        ["12A"] = (0.3, ["There are concerns that {c} may have been trafficked into the country."]),
        ["9A"] = (0.5, ["{c} arrived in the country alone and is staying with a distant relative."]),
        ["8E"] = (0.3, ["{c} has been living with a family friend for several weeks and the arrangement is unclear."]),
    };

    /// <summary>How each kind of referrer opens what they said.</summary>
    public static readonly Dictionary<string, string[]> Openings = new()
    {
        ["police"] = ["Police notification following an incident at the family home.", "Officers attended the address after a 999 call from a neighbour.",
            "Police were called by {p} in the early hours.", "Notification from the police following a welfare check."],
        ["school"] = ["The school's designated safeguarding lead is worried about {c}.", "{c} spoke to a teaching assistant during the morning.",
            "Attendance has fallen and the school has concerns about {kids}."],
        ["3A"] = ["The GP is worried after a consultation with {p}.", "The GP practice is concerned after several missed appointments."],
        ["3B"] = ["Concerns raised at a routine health visitor contact.", "The health visitor visited the home and is worried about {c}."],
        ["3C"] = ["The school nurse saw {c} at a drop-in session.", "{c} spoke to the school nurse."],
        ["3E"] = ["Seen at the emergency department.", "{c} was brought to the emergency department late in the evening."],
        ["health"] = ["Concerns raised by a health professional working with the family.", "{c} was seen at a hospital clinic."],
        ["public"] = ["A neighbour is worried about {kids}.", "A relative called because they are worried about {kids}.", "The caller did not want to give their name."],
        ["other"] = ["The referrer is worried about {kids}.", "Information shared by a partner service.", "The referrer works with the family and has new concerns."],
    };

    public static readonly string[] Closings =
    [
        "", "", "", "No injuries were seen.", "Nobody needed medical treatment.", "The referrer feels the situation is escalating.",
        "The family has not been known to the referrer's service before.", "{p} accepts that things have been difficult.", "{p} denies the concerns.",
    ];

    public static readonly string[] Requests =
        ["Requests a social work assessment.", "Asks whether the family can have early help.", "For information.", "Asks for advice on next steps.", "Asks to be kept informed."];

    public static readonly string[] ConsentWithheldReasons =
    [
        "Asking the parents would put the children at risk of further harm.", "The alleged abuser lives in the household and could be alerted.",
        "Seeking consent could lead to evidence being destroyed.", "Domestic abuse: asking could increase the risk to the victim and children.",
    ];

    public static readonly string[] ConsentRefusedReasons =
        ["{p} refused, but the concerns meet the threshold for sharing without consent.", "{p} refused; sharing is necessary to protect the children."];

    public static string[] ScreeningReasons(Safeguard.Core.FrontDoor.ScreeningOutcome outcome) => outcome switch
    {
        FrontDoor.ScreeningOutcome.NoFurtherAction =>
            ["No safeguarding concerns identified from the information given.", "Single incident with no previous concerns; parents acted protectively.",
             "The concern is being managed within universal services.", "Duplicate of information already received and acted on."],
        FrontDoor.ScreeningOutcome.InformationAndAdvice =>
            ["Advice given to the referrer on managing the concerns within their service.", "Information and advice given to the parent on support available.",
             "Referrer advised to discuss with the family and refer again if concerns continue."],
        FrontDoor.ScreeningOutcome.Signpost =>
            ["Family signposted to the local family hub for parenting support.", "Parent signposted to the GP and talking therapies.",
             "Signposted to the domestic abuse service for advice and safety planning.", "Signposted to the young carers project."],
        FrontDoor.ScreeningOutcome.EarlyHelp =>
            ["Needs are below the threshold for social work; the family would benefit from early help and agree to it.",
             "Family in acute stress: early help assessment to coordinate support.", "Parents ask for support with {c}'s behaviour: early help."],
        FrontDoor.ScreeningOutcome.Referral =>
            ["Threshold met for a child and family assessment: cumulative concerns.", "The information given meets the threshold for a social work assessment.",
             "Concerns about the children's safety need a social work assessment."],
        _ =>
            ["Multi-agency checks needed to understand the risk.", "Police notification of domestic abuse with children present: MASH checks needed.",
             "Risk unclear: partner agencies' information needed before a decision.", "Possible significant harm: MASH to gather information."],
    };

    public static readonly Dictionary<FrontDoor.MashOutcome, string[]> Rationales = new()
    {
        [FrontDoor.MashOutcome.NoFurtherAction] =
            ["Checks do not confirm the concerns; the parents have acted protectively. No role for children's social care.",
             "Partner agencies hold no worrying information and the incident appears isolated.", "Support already in place through universal services meets the children's needs."],
        [FrontDoor.MashOutcome.EarlyHelp] =
            ["Needs are below the threshold for social work; the family agree to an early help assessment.",
             "Checks show no current risk of significant harm; early help to support the parents."],
        [FrontDoor.MashOutcome.Assessment] =
            ["Cumulative concerns and partner information meet the threshold for a child and family assessment.",
             "The children are likely to be in need; assessment to understand the impact of the parents' difficulties.",
             "Risk is escalating and previous support has not led to change: assessment."],
        [FrontDoor.MashOutcome.StrategyDiscussion] =
            ["Reasonable cause to suspect significant harm: strategy discussion with police and health today.",
             "Disclosure of abuse: strategy discussion to plan section 47 enquiries.", "Injury not explained: strategy discussion and child protection medical."],
    };

    public static readonly string[] NotCountedRationales =
    [
        "Concerns not substantiated by the checks; the threshold for a social care response was not met.",
        "Information from partners shows the concern was a misunderstanding; no social care response needed.",
    ];

    public static readonly string[] ReRatingReasons =
    [
        "Partner information shows the risk is lower than first thought.", "Police checks show a history of violence: risk is higher.",
        "Health information confirms injuries: risk is higher.", "The parents have engaged with support and the children are safe.",
    ];

    public static readonly Dictionary<Access.AgencyKind, (string[] Questions, string[] Answers)> Checks = new()
    {
        [Access.AgencyKind.Police] = (["Please share any police history for the adults and children at this address.", "Any domestic abuse call-outs or convictions for the adults?"],
            ["Two previous domestic abuse incidents at the address in the last year; no convictions.", "No police information held for the adults or children.",
             "The partner has a caution for assault; no other information.", "Known for anti-social behaviour only."]),
        [Access.AgencyKind.Health] = (["Please share health information: attendance at appointments, injuries, and any concerns.", "Is the family registered with a GP and up to date with checks?"],
            ["Registered with a GP; immunisations up to date; no concerns recorded.", "Two missed appointments; health visitor concerned about weight gain.",
             "Attended the emergency department twice this year with minor injuries.", "Mother is under the community mental health team."]),
        [Access.AgencyKind.Education] = (["Please share attendance, behaviour and any safeguarding concerns for the children.", "How are the children presenting in school?"],
            ["Attendance 96%; no concerns.", "Attendance 81%; often late; the school has logged low-level concerns.", "Presents as withdrawn; has disclosed worries at home before.",
             "Not known to the school's safeguarding lead."]),
        [Access.AgencyKind.Probation] = (["Is any adult in the household known to probation?"], ["Not known to probation.", "The mother's partner is on licence; risk of harm to children assessed as medium."]),
        [Access.AgencyKind.Housing] = (["Please share any tenancy concerns or reports about the household."], ["No concerns on the tenancy.", "Rent arrears and reports of noise and arguments."]),
        [Access.AgencyKind.Voluntary] = (["Is the family known to your service?"], ["Not known.", "Mother attended a support group last year."]),
    };

    public static readonly string[] ToldHow = ["By phone", "By phone", "By email", "By secure email", "By letter"];

    public static readonly (string Question, string Advice)[] Consultations =
    [
        ("A child says they are hungry at school most days: what should we do?", "Speak to the parent about the concerns and consider an early help assessment; refer if it continues."),
        ("A parent disclosed low mood: does this need a referral?", "No referral needed on this information; signpost to the GP and keep monitoring."),
        ("A child has a small bruise and a plausible explanation: should we refer?", "Record the explanation and monitor; contact us again if there are further injuries."),
        ("A young person is staying with a friend's family for a few weeks.", "This may be private fostering: notify us if it will last 28 days or more."),
        ("Parents are separating and arguing in front of the children.", "Offer the family support through early help and share domestic abuse advice."),
        ("A pupil has been missing from school for a week without explanation.", "Follow the children missing education procedure and make a contact if they are not found."),
    ];

    /// <summary>One to three factors, leaning to what this source tends to see (the police domestic abuse and missing children, say).</summary>
    public static List<string> PickFactors(Random rng, string source)
    {
        var weights = Factors.Select(f => (f.Key, f.Value.Weight * source switch
        {
            "6" => f.Key is "3B" ? 4 : f.Key is "10A" ? 3 : f.Key is "24A" or "13A" ? 2 : 1,
            "2A" => f.Key is "16A" or "18C" ? 2 : f.Key is "17A" or "4A" or "14A" ? 1.5 : 1,
            ['3', _] => f.Key is "15A" ? 3 : f.Key is "4B" or "2B" or "16A" ? 1.5 : 1,
            _ => 1.0,
        })).ToList();
        var chosen = new List<string>();
        for (var count = rng.Skewed(1, 3); chosen.Count < count;)
        {
            var code = rng.Weighted(weights);
            if (!chosen.Contains(code)) chosen.Add(code);
        }
        return chosen;
    }

    /// <summary>What the referrer said: how their kind of referrer opens, a sentence for each factor, and now and then a closing remark.</summary>
    public static string Concerns(Random rng, string source, List<string> factors, IReadOnlyList<string> childNames, string parent)
    {
        var kind = source switch
        {
            "6" => "police", "2A" or "2B" => "school", "3A" or "3B" or "3C" or "3E" => source, ['3', _] => "health",
            ['1', _] or "9" or "10" => "public", _ => "other",
        };
        var parts = new List<string> { rng.Pick(Openings[kind]) };
        parts.AddRange(factors.Select(f => rng.Pick(Factors[f].Phrases)));
        parts.Add(rng.Pick(Closings));
        return string.Join(" ", parts.Where(p => p.Length > 0).Select(p => Fill(p, childNames, parent)));
    }

    /// <summary>Fills in a phrase for these children and a parent.</summary>
    public static string Fill(string phrase, IReadOnlyList<string> childNames, string parent)
    {
        var kids = childNames.Count == 1 ? childNames[0] : "the children";
        var text = phrase.Replace("{c}", childNames[0]).Replace("{kids}", kids).Replace("{p}", parent);
        return text.Length > 0 ? char.ToUpperInvariant(text[0]) + text[1..] : text;
    }
}
