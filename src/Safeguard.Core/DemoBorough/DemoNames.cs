namespace Safeguard.Core.DemoBorough;

/// <summary>Families of names that tend to go together, so a Bangladeshi family is not called Kowalski.</summary>
internal enum NameGroup { British, EuropeanOther, Caribbean, African, SouthAsianMuslim, Indian, Chinese, MiddleEastern }

/// <summary>
/// Common first names and surnames for a diverse London-like borough. First names and surnames are combined
/// at random, so no real person is described. Spelling variants (Mohammed, Muhammad, Mohamed; Smith, Smyth;
/// Zoe, Zoë) are deliberate: they are what makes finding a person hard.
/// </summary>
internal static class DemoNames
{
    private sealed record Names(string[] Girls, string[] Boys, string[] Women, string[] Men, string[] Surnames);

    private static readonly Names British = new(
        Girls: ["Olivia", "Amelia", "Isla", "Ava", "Mia", "Ivy", "Lily", "Isabella", "Rosie", "Sophia", "Sophie", "Grace", "Freya", "Poppy",
            "Evie", "Ella", "Chloe", "Chloë", "Jessica", "Ruby", "Daisy", "Millie", "Emily", "Zoe", "Zoë", "Leah", "Lea", "Katie", "Katy", "Holly",
            "Megan", "Ellie", "Amber", "Paige", "Courtney", "Lacey", "Skye", "Niamh", "Erin", "Caitlin"],
        Boys: ["Oliver", "George", "Noah", "Arthur", "Harry", "Leo", "Jack", "Charlie", "Oscar", "Jacob", "Freddie", "Alfie", "Thomas", "Archie",
            "Theo", "Joshua", "James", "William", "Mason", "Riley", "Tyler", "Kai", "Jayden", "Jaden", "Callum", "Connor", "Kyle", "Liam", "Reece",
            "Rhys", "Ethan", "Lewis", "Logan", "Harvey", "Ryan", "Sean", "Dylan", "Max", "Tommy", "Finley"],
        Women: ["Sarah", "Emma", "Laura", "Claire", "Gemma", "Kelly", "Lisa", "Nicola", "Michelle", "Rebecca", "Stacey", "Hayley", "Kerry",
            "Donna", "Joanne", "Amy", "Charlotte", "Hannah", "Lauren", "Danielle", "Samantha", "Katherine", "Catherine", "Kathryn", "Louise",
            "Rachel", "Vicky", "Natalie", "Jade", "Kirsty", "Siobhan", "Tracey", "Karen", "Susan", "Janet", "Linda"],
        Men: ["David", "Paul", "Mark", "Darren", "Lee", "Jason", "Craig", "Wayne", "Dean", "Stephen", "Steven", "Michael", "Christopher",
            "Daniel", "Matthew", "Andrew", "Richard", "Gary", "Shaun", "Scott", "Jamie", "Adam", "Luke", "Carl", "Martin", "Kevin", "Anthony",
            "Ian", "Neil", "Peter", "John", "Robert", "Patrick", "Declan", "Barry", "Terry"],
        Surnames: ["Smith", "Smyth", "Jones", "Williams", "Taylor", "Brown", "Davies", "Evans", "Wilson", "Thomas", "Johnson", "Roberts",
            "Robinson", "Thompson", "Thomson", "Wright", "Walker", "White", "Edwards", "Hughes", "Green", "Hall", "Lewis", "Harris", "Clarke",
            "Clark", "Patel", "Jackson", "Wood", "Turner", "Martin", "Cooper", "Hill", "Ward", "Morris", "Moore", "King", "Watson", "Baker",
            "Harrison", "Morgan", "Young", "Allen", "Mitchell", "Kelly", "Murphy", "O'Brien", "O'Neill", "Doyle", "Byrne", "McCarthy",
            "MacDonald", "McDonald", "Fletcher", "Barker", "Marsh", "Holt", "Shaw", "Booth", "Reid", "Fox", "Burke", "Gallagher", "Connolly",
            "Price", "Hunt", "Webb", "Stone", "Cole", "Pearce"]);

    private static readonly Names EuropeanOther = new(
        Girls: ["Zuzanna", "Julia", "Maja", "Zofia", "Hanna", "Lena", "Alicja", "Amelia", "Oliwia", "Natalia", "Ioana", "Maria", "Elena",
            "Andreea", "Gabriela", "Emilija", "Austėja", "Beatriz", "Inês", "Sofia", "Giulia", "Anna", "Viktoria", "Daria"],
        Boys: ["Jakub", "Antoni", "Szymon", "Filip", "Kacper", "Jan", "Aleksander", "Mikołaj", "Andrei", "Luca", "David", "Matei", "Ștefan",
            "Lukas", "Matas", "Tiago", "Rodrigo", "Lorenzo", "Mateo", "Nikola", "Marko", "Daniel", "Adam", "Oskar"],
        Women: ["Agnieszka", "Katarzyna", "Magdalena", "Joanna", "Monika", "Ewa", "Marta", "Anna", "Elena", "Mihaela", "Cristina",
            "Simona", "Jurgita", "Rasa", "Ana", "Paula", "Francesca", "Irina", "Olena", "Svetlana"],
        Men: ["Piotr", "Tomasz", "Paweł", "Marcin", "Krzysztof", "Michał", "Łukasz", "Ionuț", "Florin", "Bogdan", "Mihai", "Darius",
            "Tomas", "Mindaugas", "João", "Pedro", "Marco", "Giuseppe", "Dmytro", "Sergiu"],
        Surnames: ["Nowak", "Novak", "Kowalski", "Kowalska", "Wiśniewski", "Wójcik", "Kamiński", "Lewandowski", "Zieliński", "Szymański",
            "Popescu", "Popa", "Ionescu", "Dumitru", "Stan", "Munteanu", "Kazlauskas", "Petrauskas", "Jankauskas", "Silva", "Santos",
            "Ferreira", "Pereira", "Rossi", "Russo", "Bianchi", "Horvat", "Kovač", "Shevchenko", "Bondarenko"]);

    private static readonly Names Caribbean = new(
        Girls: ["Amara", "Kiara", "Aaliyah", "Imani", "Jada", "Nia", "Tia", "Kayla", "Shanice", "Jasmine", "Leah", "Maya", "Serena",
            "Tiana", "Destiny", "Kenya", "Zara", "Naomi", "Esme", "Ruby"],
        Boys: ["Jayden", "Tyrese", "Malachi", "Elijah", "Isaiah", "Josiah", "Kai", "Marcus", "Andre", "Dante", "Jermaine", "Kyrie",
            "Reuben", "Nathaniel", "Zion", "Levi", "Micah", "Joel", "Tyler", "Jordan"],
        Women: ["Marcia", "Sharon", "Paulette", "Yvonne", "Donna", "Carlene", "Natasha", "Keisha", "Tanya", "Simone", "Andrea", "Beverley",
            "Claudette", "Nadine", "Jacqueline", "Lorraine"],
        Men: ["Winston", "Delroy", "Errol", "Clive", "Leon", "Wesley", "Dwayne", "Trevor", "Lloyd", "Everton", "Marlon", "Devon", "Carlton",
            "Desmond", "Junior", "Curtis"],
        Surnames: ["Campbell", "Brown", "Williams", "Francis", "Grant", "Henry", "Richards", "Thomas", "Walters", "Reid", "Bailey", "Gordon",
            "Lewis", "Morgan", "Samuels", "Clarke", "Powell", "Bennett", "Gayle", "Blake", "Stewart", "Forbes", "McKenzie", "Morrison",
            "Spencer", "Ellis", "Daley", "Joseph", "Charles", "Alexander"]);

    private static readonly Names African = new(
        Girls: ["Amara", "Chiamaka", "Adaeze", "Ifeoma", "Tolani", "Temitope", "Oluwadamilola", "Ayomide", "Abena", "Akosua", "Efua", "Ama",
            "Nana", "Fatuma", "Hodan", "Amina", "Ayan", "Sagal", "Faith", "Blessing", "Precious", "Favour", "Grace", "Esther"],
        Boys: ["Chidi", "Emeka", "Chukwuemeka", "Obinna", "Oluwaseun", "Tobi", "Ayodele", "Femi", "Kwame", "Kofi", "Kwabena", "Yaw",
            "Abdi", "Abdirahman", "Mohamed", "Mohammed", "Hassan", "Daniel", "David", "Samuel", "Emmanuel", "Joshua", "Elijah", "Michael"],
        Women: ["Ngozi", "Chinwe", "Folake", "Funmilayo", "Bukola", "Yetunde", "Abimbola", "Adwoa", "Akua", "Comfort", "Patience", "Mercy",
            "Hawa", "Halima", "Fartun", "Ruth", "Deborah", "Joy"],
        Men: ["Olumide", "Babatunde", "Adewale", "Chinedu", "Ikechukwu", "Kwesi", "Kojo", "Ebo", "Abdullahi", "Ahmed", "Ahmad", "Said",
            "Yusuf", "Godwin", "Felix", "Francis", "Peter", "Isaac"],
        Surnames: ["Okafor", "Okeke", "Okonkwo", "Adeyemi", "Adebayo", "Oladipo", "Ogunleye", "Balogun", "Eze", "Nwosu", "Mensah", "Asante",
            "Boateng", "Owusu", "Osei", "Acheampong", "Appiah", "Adjei", "Mohamed", "Mohamud", "Abdi", "Ali", "Farah", "Hussein", "Warsame",
            "Kamara", "Conteh", "Bangura", "Tshibanda", "Mwangi"]);

    private static readonly Names SouthAsianMuslim = new(
        Girls: ["Aisha", "Ayesha", "Fatima", "Maryam", "Mariam", "Zara", "Zahra", "Inaaya", "Hafsa", "Sumaiya", "Safa", "Anaya", "Raisa",
            "Nusrat", "Tasnim", "Sadia", "Amira", "Hana", "Iqra", "Khadija"],
        Boys: ["Mohammed", "Muhammad", "Mohammad", "Mohamed", "Ibrahim", "Yusuf", "Yousuf", "Ayaan", "Zayn", "Zain", "Adam", "Ismail",
            "Hamza", "Ali", "Rayan", "Arham", "Abdullah", "Rahim", "Tahmid", "Shahid"],
        Women: ["Nasreen", "Shahida", "Rukhsana", "Salma", "Farzana", "Shabana", "Rehana", "Nazia", "Tahmina", "Rubina", "Samina", "Husna",
            "Rumana", "Sultana", "Jesmin", "Parveen"],
        Men: ["Abdul", "Mohammed", "Muhammad", "Imran", "Tariq", "Shahid", "Kamran", "Asif", "Faisal", "Nadeem", "Abul", "Mizanur",
            "Rashid", "Jamal", "Anwar", "Habib"],
        Surnames: ["Begum", "Khatun", "Uddin", "Miah", "Ahmed", "Ahmad", "Rahman", "Hussain", "Hussein", "Islam", "Ali", "Khan", "Chowdhury",
            "Choudhury", "Hossain", "Akhtar", "Iqbal", "Malik", "Butt", "Mahmood", "Rashid", "Siddiqui", "Qureshi", "Shah", "Bibi", "Karim",
            "Haque", "Alam", "Sheikh", "Aziz"]);

    private static readonly Names Indian = new(
        Girls: ["Anaya", "Aanya", "Diya", "Saanvi", "Priya", "Ishani", "Kavya", "Riya", "Simran", "Jasleen", "Harleen", "Meera", "Tara",
            "Anika", "Navya", "Asha", "Sana", "Nisha", "Pooja", "Kiran"],
        Boys: ["Arjun", "Aarav", "Vihaan", "Reyansh", "Krish", "Rohan", "Dev", "Ravi", "Sai", "Ishaan", "Aryan", "Harjeet", "Gurpreet",
            "Jaspreet", "Kabir", "Rahul", "Nikhil", "Vikram", "Anand", "Sanjay"],
        Women: ["Sunita", "Anita", "Geeta", "Rekha", "Manjit", "Kamaljit", "Parminder", "Rupinder", "Deepa", "Lakshmi", "Shanthi", "Neha",
            "Shilpa", "Divya", "Rani", "Usha"],
        Men: ["Rajesh", "Suresh", "Ramesh", "Sanjeev", "Manoj", "Amit", "Sunil", "Harpreet", "Balwinder", "Sukhdev", "Kuldip", "Prakash",
            "Vijay", "Ashok", "Dinesh", "Karthik"],
        Surnames: ["Patel", "Shah", "Sharma", "Singh", "Kaur", "Gill", "Sandhu", "Sidhu", "Dhillon", "Grewal", "Kumar", "Gupta", "Mehta",
            "Joshi", "Desai", "Nair", "Pillai", "Menon", "Reddy", "Rao", "Iyer", "Chauhan", "Parmar", "Mistry", "Solanki", "Bhatt",
            "Thakkar", "Sivakumar", "Rajan", "Krishnan"]);

    private static readonly Names Chinese = new(
        Girls: ["Mei", "Lina", "Xinyi", "Yutong", "Jia", "Hui", "Chloe", "Grace", "Emily", "Amy", "Ling", "Wen"],
        Boys: ["Hao", "Jun", "Wei", "Yichen", "Zihan", "Ming", "Ethan", "Ryan", "Kevin", "Jason", "Tao", "Lei"],
        Women: ["Li", "Fang", "Ying", "Xiu", "Jing", "Yan", "Helen", "Winnie", "Mandy", "Jenny"],
        Men: ["Jian", "Qiang", "Bo", "Gang", "Feng", "Kwok", "Wing", "Peter", "Tony", "Eric"],
        Surnames: ["Chen", "Chan", "Wang", "Wong", "Li", "Lee", "Zhang", "Cheung", "Liu", "Lau", "Yang", "Huang", "Wu", "Ng", "Lin", "Lam",
            "Zhou", "Chow", "Tang", "Ho"]);

    private static readonly Names MiddleEastern = new(
        Girls: ["Layla", "Leila", "Noor", "Yasmin", "Sara", "Dilan", "Elif", "Zeynep", "Aya", "Rana", "Lina", "Mina", "Rojin", "Ava",
            "Maryam", "Hiba"],
        Boys: ["Omar", "Yusuf", "Ahmed", "Karim", "Amir", "Emir", "Mustafa", "Kerem", "Baran", "Ali", "Hussein", "Mohammed", "Muhammed",
            "Rami", "Tariq", "Adam"],
        Women: ["Fatma", "Ayşe", "Emine", "Hatice", "Samira", "Nadia", "Huda", "Rania", "Shirin", "Nasrin", "Berivan", "Souad"],
        Men: ["Mehmet", "Murat", "Hasan", "Kemal", "Khalid", "Mahmoud", "Walid", "Saman", "Dara", "Reza", "Hamid", "Nabil"],
        Surnames: ["Yilmaz", "Kaya", "Demir", "Şahin", "Çelik", "Aydın", "Özdemir", "Arslan", "Doğan", "Hassan", "Haddad", "Khalil", "Saleh",
            "Mansour", "Karimi", "Ahmadi", "Hosseini", "Rahimi", "Barzani", "Amin", "Aziz", "Hamid", "Nasser", "Abbas"]);

    private static Names Of(NameGroup group) => group switch
    {
        NameGroup.British => British,
        NameGroup.EuropeanOther => EuropeanOther,
        NameGroup.Caribbean => Caribbean,
        NameGroup.African => African,
        NameGroup.SouthAsianMuslim => SouthAsianMuslim,
        NameGroup.Indian => Indian,
        NameGroup.Chinese => Chinese,
        _ => MiddleEastern,
    };

    /// <summary>A first name for a child (born this century) or an adult of their parents' generation.</summary>
    public static string FirstName(Random rng, NameGroup group, string sex, bool child)
    {
        var n = Of(group);
        // Families of Caribbean heritage mostly share the British pool of first names.
        if (group == NameGroup.Caribbean && rng.Chance(0.4)) n = British;
        var list = (sex == "F", child) switch
        {
            (true, true) => n.Girls,
            (false, true) => n.Boys,
            (true, false) => n.Women,
            _ => n.Men,
        };
        return rng.Pick(list);
    }

    public static string Surname(Random rng, NameGroup group) => rng.Pick(Of(group).Surnames);

    /// <summary>The name group that goes with a DfE ethnicity code (for mixed codes, one parent's).</summary>
    public static NameGroup GroupFor(string ethnicity, Random rng) => ethnicity switch
    {
        "WBRI" or "WIRI" or "WIRT" => NameGroup.British,
        "WOTH" or "WROM" => NameGroup.EuropeanOther,
        "BCRB" or "BOTH" => NameGroup.Caribbean,
        "BAFR" => NameGroup.African,
        "ABAN" or "APKN" => NameGroup.SouthAsianMuslim,
        "AIND" => NameGroup.Indian,
        "AOTH" => rng.Chance(0.5) ? NameGroup.Indian : NameGroup.SouthAsianMuslim,
        "CHNE" => NameGroup.Chinese,
        "OOTH" => NameGroup.MiddleEastern,
        _ => rng.Pick(Enum.GetValues<NameGroup>()),
    };
}
