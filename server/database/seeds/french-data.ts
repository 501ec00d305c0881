/** Common French given names and surnames, streets, and one main town per department. */
export const FEMALE_NAMES = ['Emma', 'Jade', 'Louise', 'Alice', 'Chloé', 'Lina', 'Léa', 'Rose', 'Anna', 'Mila', 'Inès', 'Ambre', 'Julia', 'Manon', 'Zoé', 'Camille', 'Léna', 'Lou', 'Agathe', 'Sarah', 'Juliette', 'Romane', 'Clara', 'Eva', 'Nina', 'Margaux', 'Lucie', 'Maëlys', 'Yasmine', 'Salomé', 'Maya', 'Océane'];
export const MALE_NAMES = ['Gabriel', 'Léo', 'Raphaël', 'Arthur', 'Louis', 'Lucas', 'Adam', 'Jules', 'Hugo', 'Maël', 'Liam', 'Noah', 'Paul', 'Ethan', 'Tiago', 'Sacha', 'Gabin', 'Nathan', 'Mohamed', 'Aaron', 'Tom', 'Théo', 'Noé', 'Timéo', 'Mathis', 'Enzo', 'Axel', 'Yanis', 'Baptiste', 'Maxime', 'Samuel', 'Ibrahim'];
export const LAST_NAMES = ['Martin', 'Bernard', 'Thomas', 'Petit', 'Robert', 'Richard', 'Durand', 'Dubois', 'Moreau', 'Laurent', 'Simon', 'Michel', 'Lefebvre', 'Leroy', 'Roux', 'David', 'Bertrand', 'Morel', 'Fournier', 'Girard', 'Bonnet', 'Dupont', 'Lambert', 'Fontaine', 'Rousseau', 'Vincent', 'Muller', 'Lefèvre', 'Faure', 'André', 'Mercier', 'Blanc', 'Guérin', 'Boyer', 'Garnier', 'Chevalier', 'François', 'Legrand', 'Gauthier', 'Garcia', 'Perrin', 'Robin', 'Clément', 'Morin', 'Nicolas', 'Henry', 'Roussel', 'Mathieu', 'Gautier', 'Masson', 'Marchand', 'Duval', 'Denis', 'Dumont', 'Marie', 'Lemaire', 'Noël', 'Meyer', 'Dufour', 'Meunier', 'Brun', 'Blanchard', 'Giraud', 'Joly', 'Rivière', 'Lucas', 'Brunet', 'Gaillard', 'Barbier', 'Arnaud', 'Diallo', 'Nguyen', 'Benali', 'Traoré', 'Da Silva', 'Hoarau', 'Payet'];
export const STREETS = ['rue de la République', 'rue Victor-Hugo', 'avenue Jean-Jaurès', 'rue Pasteur', 'place de la Mairie', 'rue des Écoles', 'boulevard Gambetta', 'rue du Général-de-Gaulle', 'allée des Tilleuls', 'rue Jules-Ferry', 'chemin des Vignes', 'rue de la Gare', 'avenue de la Libération', 'rue Émile-Zola', 'impasse des Lilas', 'rue du Moulin', 'rue Voltaire', 'avenue des Acacias', 'rue Nationale', 'quai de la Loire'];
export const EMAIL_DOMAINS = ['exemple.fr', 'courriel-exemple.fr', 'mail-exemple.fr', 'exemple.com'];
export const SCHOOL_PREFIXES = ['Lycée Victor-Hugo', 'Lycée Jean-Moulin', 'Lycée Marie-Curie', 'Lycée professionnel Jules-Verne', 'Collège Louise-Michel', 'Lycée agricole Olivier-de-Serres', 'Lycée Simone-Veil', 'Lycée Pierre-Mendès-France', 'CFA des métiers', 'Lycée Albert-Camus'];

/** [department code, town, zip] — the prefecture (or a main town) of each department. */
export const TOWNS: Record<string, [string, string]> = {
  '01': ['Bourg-en-Bresse', '01000'], '02': ['Laon', '02000'], '03': ['Moulins', '03000'], '04': ['Digne-les-Bains', '04000'],
  '05': ['Gap', '05000'], '06': ['Nice', '06000'], '07': ['Privas', '07000'], '08': ['Charleville-Mézières', '08000'],
  '09': ['Foix', '09000'], '10': ['Troyes', '10000'], '11': ['Carcassonne', '11000'], '12': ['Rodez', '12000'],
  '13': ['Marseille', '13001'], '14': ['Caen', '14000'], '15': ['Aurillac', '15000'], '16': ['Angoulême', '16000'],
  '17': ['La Rochelle', '17000'], '18': ['Bourges', '18000'], '19': ['Tulle', '19000'], '2A': ['Ajaccio', '20000'],
  '2B': ['Bastia', '20200'], '21': ['Dijon', '21000'], '22': ['Saint-Brieuc', '22000'], '23': ['Guéret', '23000'],
  '24': ['Périgueux', '24000'], '25': ['Besançon', '25000'], '26': ['Valence', '26000'], '27': ['Évreux', '27000'],
  '28': ['Chartres', '28000'], '29': ['Quimper', '29000'], '30': ['Nîmes', '30000'], '31': ['Toulouse', '31000'],
  '32': ['Auch', '32000'], '33': ['Bordeaux', '33000'], '34': ['Montpellier', '34000'], '35': ['Rennes', '35000'],
  '36': ['Châteauroux', '36000'], '37': ['Tours', '37000'], '38': ['Grenoble', '38000'], '39': ['Lons-le-Saunier', '39000'],
  '40': ['Mont-de-Marsan', '40000'], '41': ['Blois', '41000'], '42': ['Saint-Étienne', '42000'], '43': ['Le Puy-en-Velay', '43000'],
  '44': ['Nantes', '44000'], '45': ['Orléans', '45000'], '46': ['Cahors', '46000'], '47': ['Agen', '47000'],
  '48': ['Mende', '48000'], '49': ['Angers', '49000'], '50': ['Saint-Lô', '50000'], '51': ['Châlons-en-Champagne', '51000'],
  '52': ['Chaumont', '52000'], '53': ['Laval', '53000'], '54': ['Nancy', '54000'], '55': ['Bar-le-Duc', '55000'],
  '56': ['Vannes', '56000'], '57': ['Metz', '57000'], '58': ['Nevers', '58000'], '59': ['Lille', '59000'],
  '60': ['Beauvais', '60000'], '61': ['Alençon', '61000'], '62': ['Arras', '62000'], '63': ['Clermont-Ferrand', '63000'],
  '64': ['Pau', '64000'], '65': ['Tarbes', '65000'], '66': ['Perpignan', '66000'], '67': ['Strasbourg', '67000'],
  '68': ['Colmar', '68000'], '69': ['Lyon', '69001'], '70': ['Vesoul', '70000'], '71': ['Mâcon', '71000'],
  '72': ['Le Mans', '72000'], '73': ['Chambéry', '73000'], '74': ['Annecy', '74000'], '75': ['Paris', '75011'],
  '76': ['Rouen', '76000'], '77': ['Melun', '77000'], '78': ['Versailles', '78000'], '79': ['Niort', '79000'],
  '80': ['Amiens', '80000'], '81': ['Albi', '81000'], '82': ['Montauban', '82000'], '83': ['Toulon', '83000'],
  '84': ['Avignon', '84000'], '85': ['La Roche-sur-Yon', '85000'], '86': ['Poitiers', '86000'], '87': ['Limoges', '87000'],
  '88': ['Épinal', '88000'], '89': ['Auxerre', '89000'], '90': ['Belfort', '90000'], '91': ['Évry-Courcouronnes', '91000'],
  '92': ['Nanterre', '92000'], '93': ['Saint-Denis', '93200'], '94': ['Créteil', '94000'], '95': ['Cergy', '95000'],
  '971': ['Pointe-à-Pitre', '97110'], '972': ['Fort-de-France', '97200'], '973': ['Cayenne', '97300'], '974': ['Saint-Denis', '97400'],
  '976': ['Mamoudzou', '97600'],
};

/** A few more towns for the demo departments, so their lists look real. */
export const DEMO_TOWNS: Record<string, Array<[string, string]>> = {
  '75': [['Paris', '75011'], ['Paris', '75018'], ['Paris', '75015'], ['Paris', '75020'], ['Paris', '75013']],
  '92': [['Nanterre', '92000'], ['Boulogne-Billancourt', '92100'], ['Colombes', '92700'], ['Asnières-sur-Seine', '92600'], ['Rueil-Malmaison', '92500']],
  '93': [['Saint-Denis', '93200'], ['Montreuil', '93100'], ['Aubervilliers', '93300'], ['Bobigny', '93000'], ['Pantin', '93500']],
  '69': [['Lyon', '69003'], ['Villeurbanne', '69100'], ['Vénissieux', '69200'], ['Vaulx-en-Velin', '69120'], ['Bron', '69500']],
  '13': [['Marseille', '13013'], ['Aix-en-Provence', '13090'], ['Arles', '13200'], ['Martigues', '13500'], ['Aubagne', '13400']],
};
