package io.triage.tickets;

import java.util.List;

/** Invented organisation names and real place names, written for this generator. */
final class Gazetteer {

    static final List<String> ORGANISATIONS = List.of("Northwind Logistics", "Bluepeak Dental", "Harbourline Foods",
            "Crestmoor Engineering", "Silverbirch Consulting", "Redfern & Cole Solicitors", "Oakridge Primary School",
            "Tidewater Analytics", "Kestrel Aviation Services", "Ironbridge Builders Ltd", "Meadowbank Veterinary",
            "Lumen Digital Agency", "Granite Peak Outdoor", "Copperleaf Accountants", "Brightwell Pharmacy",
            "Sunrise Bakery Co.", "Atlas Freight GmbH", "Estudio Arenal S.L.", "Boulangerie Lefèvre SARL",
            "Wisła Tech Sp. z o.o.", "Lagos Harbour Traders", "Sakura Design KK", "Nile Crescent Imports",
            "Greenway Housing Association", "Pinecrest Medical Centre", "Orbital Games Studio", "Quayside Hotels",
            "Falcon Ridge Security", "Maple & Finch Interiors", "Westgate Motors", "Helix Biolabs",
            "Riverbend Council", "Starling Events", "Bramble Farm Shop", "Cobalt Systems Inc.", "Nordlicht Media AG");

    static final List<String> CITIES = List.of("London", "Manchester", "Birmingham", "Leeds", "Glasgow", "Edinburgh",
            "Cardiff", "Belfast", "Bristol", "Liverpool", "Dublin", "New York", "Chicago", "Austin", "Seattle",
            "Toronto", "Madrid", "Barcelona", "Valencia", "Berlin", "Munich", "Hamburg", "Paris", "Lyon", "Marseille",
            "Warsaw", "Kraków", "Gdańsk", "Mumbai", "Bengaluru", "Delhi", "Lagos", "Abuja", "Dubai", "Cairo",
            "Tokyo", "Osaka", "Shanghai", "Singapore", "Sydney", "Amsterdam", "Rotterdam", "Milan", "Lisbon");

    static final List<String> COUNTRIES = List.of("United Kingdom", "Ireland", "United States", "Canada", "Spain",
            "Germany", "France", "Poland", "India", "Nigeria", "Japan", "China", "the Netherlands", "Italy",
            "Portugal", "United Arab Emirates", "Egypt", "Australia", "Mexico", "Brazil");

    static final List<String> EMAIL_DOMAINS = List.of("gmail.com", "outlook.com", "hotmail.co.uk", "yahoo.com",
            "icloud.com", "protonmail.com", "btinternet.com", "gmx.de", "web.de", "orange.fr", "free.fr",
            "wp.pl", "o2.pl", "telefonica.net", "rediffmail.com", "qq.com", "163.com", "yahoo.co.jp",
            "mail.ng", "example.org", "fastmail.com", "live.com", "aol.com", "sky.com");

    private Gazetteer() {
    }
}
