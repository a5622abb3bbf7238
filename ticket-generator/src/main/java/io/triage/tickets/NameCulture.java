package io.triage.tickets;

import java.util.List;

/**
 * Name pools per culture, written for this generator (not taken from any gazetteer), so that person
 * names in generated tickets are not only English ones.
 */
enum NameCulture {
    ENGLISH("James Oliver Harry George Thomas William Jack Daniel Samuel Joseph Benjamin Lucy Emily Olivia Sophie "
            + "Charlotte Amelia Grace Hannah Jessica Rebecca Laura Chloe Megan Eleanor Michael Sarah David Emma Ryan",
            "Smith Jones Taylor Brown Williams Wilson Johnson Davies Robinson Wright Thompson Evans Walker White "
            + "Roberts Green Hall Wood Jackson Clarke Hughes Edwards Turner Cooper Hill Ward Morgan Baker"),
    SPANISH("José María Carmen Antonio Manuel Francisco Lucía Javier Sofía Alejandro Pablo Elena Marta Diego Sergio "
            + "Paula Raúl Andrea Álvaro Isabel Jorge Beatriz Rocío Daniela Carlos Inés Mateo Valentina Nuria",
            "García Fernández González Rodríguez López Martínez Sánchez Pérez Gómez Martín Jiménez Ruiz Hernández "
            + "Díaz Moreno Álvarez Romero Navarro Torres Domínguez Vázquez Ramos Gil Serrano Castillo Ortega"),
    INDIAN("Aarav Vivaan Aditya Arjun Rohan Ishaan Rahul Vikram Sanjay Priya Ananya Aditi Kavya Neha Pooja Divya "
            + "Lakshmi Meera Sneha Anjali Ravi Suresh Deepak Amit Sunita Harpreet Gurpreet Karthik Nikhil",
            "Sharma Patel Singh Kumar Gupta Reddy Iyer Nair Mehta Shah Joshi Rao Desai Verma Mishra Pillai Chopra "
            + "Kapoor Banerjee Chatterjee Malhotra Bose Menon Agarwal Das Kaur Krishnan"),
    CHINESE("Wei Fang Jing Li Na Min Hui Yan Lei Jun Tao Ming Xiu Ying Hao Chen Jie Yun Lin Xin Qiang Bo Mei Ling "
            + "Zihan Yuxuan Haoran Xiaoming Jiayi Ruoxi",
            "Wang Li Zhang Liu Chen Yang Huang Zhao Wu Zhou Xu Sun Ma Zhu Hu Guo He Lin Gao Luo Zheng Liang Xie Tang "
            + "Song Han Feng Deng"),
    ARABIC("Mohammed Ahmed Omar Ali Hassan Yusuf Khalid Ibrahim Karim Tariq Samir Bilal Hamza Fatima Aisha Mariam "
            + "Layla Noor Huda Amina Zainab Salma Yasmin Rania Leila Hana Sara Khadija Mustafa Nadia",
            "Khan Al-Sayed Haddad Mansour Nasser Farouk Hamdan Saleh Aziz Rahman Hussein Abdullah Qureshi Yousef "
            + "Darwish Khalil Hakim Bakr Jaber Mahmoud Othman Sabbagh Najjar Karam Shaheen Taha"),
    NIGERIAN("Chinedu Emeka Oluwaseun Adebayo Tunde Obinna Chukwuemeka Ifeanyi Olumide Babatunde Kelechi Uche Segun "
            + "Ngozi Chiamaka Adaeze Funmilayo Yetunde Folake Amaka Nneka Ifeoma Temitope Bukola Abimbola Zainab "
            + "Halima Musa Ibrahim",
            "Okafor Adeyemi Okonkwo Obi Eze Nwosu Adebayo Ogunleye Balogun Okeke Chukwu Abubakar Bello Olawale Ojo "
            + "Nnamdi Onyekachi Afolabi Akinola Oyelaran Danjuma Igwe Uzor Ezeh Ogundipe Oladipo"),
    POLISH("Łukasz Piotr Krzysztof Tomasz Paweł Michał Marcin Jakub Kamil Grzegorz Wojciech Mateusz Anna Katarzyna "
            + "Małgorzata Agnieszka Magdalena Joanna Aleksandra Ewa Zofia Monika Karolina Natalia Justyna Dorota "
            + "Barbara Szymon Dawid",
            "Nowak Kowalski Wiśniewski Wójcik Kowalczyk Kamiński Lewandowski Zieliński Szymański Woźniak Dąbrowski "
            + "Kozłowski Jankowski Mazur Kwiatkowski Krawczyk Piotrowski Grabowski Nowakowski Pawłowski Michalski "
            + "Zając Król Wieczorek Jabłoński"),
    GERMAN("Lukas Leon Finn Jonas Felix Maximilian Paul Jan Tobias Stefan Matthias Jürgen Klaus Anna Lena Lea Hannah "
            + "Mia Laura Julia Katharina Sabine Ursula Petra Monika Greta Frieda Johanna Sophie",
            "Müller Schmidt Schneider Fischer Weber Meyer Wagner Becker Schulz Hoffmann Schäfer Koch Bauer Richter "
            + "Klein Wolf Schröder Neumann Schwarz Zimmermann Braun Krüger Hofmann Hartmann Lange Werner Krause"),
    JAPANESE("Haruto Yuto Sota Ren Hiroshi Takashi Kenji Daiki Sho Riku Kaito Akira Yui Hina Sakura Yuki Aoi Mei "
            + "Haruka Misaki Naoko Emi Ayaka Rin Keiko Yoko Tomoko Kaori Takumi",
            "Sato Suzuki Takahashi Tanaka Watanabe Ito Yamamoto Nakamura Kobayashi Kato Yoshida Yamada Sasaki "
            + "Yamaguchi Matsumoto Inoue Kimura Hayashi Shimizu Mori Abe Ikeda Hashimoto Ishikawa Ogawa Fujita"),
    FRENCH("Louis Gabriel Arthur Hugo Jules Raphaël Lucas Théo Nathan Antoine Julien Mathieu Étienne Camille Chloé "
            + "Manon Léa Inès Juliette Margaux Élodie Céline Aurélie Amandine Océane Clémence Sylvie Nathalie Pierre",
            "Martin Bernard Dubois Thomas Robert Richard Petit Durand Leroy Moreau Simon Laurent Lefebvre Michel "
            + "Garcia David Bertrand Roux Vincent Fournier Morel Girard André Mercier Dupont Lambert Bonnet Faure");

    private final List<String> givenNames;
    private final List<String> surnames;

    NameCulture(String givenNames, String surnames) {
        this.givenNames = List.of(givenNames.split(" "));
        this.surnames = List.of(surnames.split(" "));
    }

    List<String> givenNames() {
        return givenNames;
    }

    List<String> surnames() {
        return surnames;
    }
}
