/**
 * A small labelled set for judging near-duplicate detection. Every event is invented (the
 * towns Kellburg, Saint-Aubin-sur-Lac, Zielona Dolina, Portovecchio, Norrvik, Villanueva del
 * Río and Eastmoor do not exist) and no person is named. Reports with the same `event` describe
 * the same event as different outlets or posts would: other words and order, details added or
 * left out, numbers as digits or words, dates a day apart. Events in one cluster are of the
 * same kind in the same town and week (hard negatives): the detector must keep them apart.
 * Reports in German or French of an English-reported event are kept as known misses: neither
 * method matches across languages.
 */
export interface EvaluationReport {
  /** Reports with the same event describe the same event. */
  event: string;
  country: string;
  occurredOn: string;
  language: 'en' | 'de' | 'fr';
  summary: string;
}

const r = (event: string, country: string, occurredOn: string, summary: string, language: EvaluationReport['language'] = 'en'): EvaluationReport => ({
  event,
  country,
  occurredOn,
  language,
  summary,
});

export const EVALUATION_REPORTS: EvaluationReport[] = [
  // Kellburg (DE), week of 10 March 2025: arson and graffiti.
  r(
    'kellburg-shelter-arson',
    'DE',
    '2025-03-15',
    'Unknown persons set fire to the entrance of a shelter for asylum seekers on Lindenweg in Kellburg at about 2 a.m. on Saturday. Forty residents were evacuated and two were treated for smoke inhalation. Police have opened an arson investigation; no arrests have been made.',
  ),
  r(
    'kellburg-shelter-arson',
    'DE',
    '2025-03-16',
    'Around 40 people had to leave a refugee home in Kellburg early on Saturday after an arsonist lit a fire at its front door. Two residents needed hospital treatment after breathing in smoke. Investigators suspect a politically motivated attack and are looking for witnesses.',
  ),
  r(
    'kellburg-shelter-arson',
    'DE',
    '2025-03-15',
    'Kellburg: night-time arson at asylum accommodation (Lindenweg), 15 March. The fire at the main entrance was put out by the fire brigade; 2 residents suffered smoke inhalation, 40 evacuated. No suspect identified so far.',
  ),
  r(
    'kellburg-shelter-arson',
    'DE',
    '2025-03-15',
    'In der Nacht zum Samstag haben Unbekannte in Kellburg am Eingang einer Asylunterkunft im Lindenweg Feuer gelegt. 40 Bewohner wurden evakuiert, zwei erlitten eine Rauchvergiftung. Die Polizei ermittelt wegen Brandstiftung.',
    'de',
  ),
  r(
    'kellburg-shop-arson',
    'DE',
    '2025-03-12',
    'A grocery shop on Marktstrasse in Kellburg was damaged by fire on Wednesday evening after someone threw a burning object through its window. The shop, run by a family who arrived as refugees, was closed at the time and nobody was hurt. Police are treating it as arson.',
  ),
  r(
    'kellburg-shop-arson',
    'DE',
    '2025-03-12',
    'Arson suspected at Kellburg shop: a burning bottle was thrown through the window of a migrant-run grocery on Marktstrasse on 12 March. No injuries. Damage estimated at 20,000 euros.',
  ),
  r(
    'kellburg-shelter-graffiti',
    'DE',
    '2025-03-14',
    'Racist slogans and a swastika were sprayed on the outer wall of the asylum seekers’ shelter on Lindenweg in Kellburg on Friday. Police recorded the case as property damage and incitement; the graffiti was removed the same day.',
  ),
  r(
    'kellburg-shelter-graffiti',
    'DE',
    '2025-03-14',
    'Kellburg: on Friday morning staff at the Lindenweg refugee accommodation found hate graffiti on the facade of the building. Police are investigating for incitement to hatred.',
  ),

  // Saint-Aubin-sur-Lac (FR), week of 5 May 2025: assaults.
  r(
    'saint-aubin-tram-assault',
    'FR',
    '2025-05-06',
    'Two foreign students were punched and kicked at the Gare tram stop in Saint-Aubin-sur-Lac on Tuesday evening by a man who shouted xenophobic insults. One student suffered a broken nose. Police arrested a 34-year-old suspect at the scene.',
  ),
  r(
    'saint-aubin-tram-assault',
    'FR',
    '2025-05-06',
    'A 34-year-old man was detained after an attack on 2 international students waiting for a tram near the station in Saint-Aubin-sur-Lac. Witnesses said he insulted them because of their origin before hitting them; one victim was taken to hospital with a fractured nose.',
  ),
  r(
    'saint-aubin-tram-assault',
    'FR',
    '2025-05-07',
    'Deux étudiants étrangers ont été agressés mardi soir à l’arrêt de tram Gare à Saint-Aubin-sur-Lac. L’agresseur, âgé de 34 ans, a proféré des insultes xénophobes ; l’une des victimes a le nez cassé. Il a été interpellé sur place.',
    'fr',
  ),
  r(
    'saint-aubin-bus-driver',
    'FR',
    '2025-05-08',
    'A bus driver was assaulted by two passengers in Saint-Aubin-sur-Lac on Thursday after asking them to show their tickets. He was treated in hospital for head injuries. Police are looking for the two men, who fled on foot.',
  ),
  r(
    'saint-aubin-bus-driver',
    'FR',
    '2025-05-08',
    'Saint-Aubin-sur-Lac: two men attacked the driver of a city bus on line 4 on 8 May during a fare dispute and ran off. The driver suffered a head wound; the transport union has called for more security on buses.',
  ),
  r(
    'saint-aubin-market-headscarf',
    'FR',
    '2025-05-10',
    'A woman wearing a headscarf was attacked at the Saturday market in Saint-Aubin-sur-Lac when a man tried to tear off her scarf and pushed her to the ground. She suffered bruises. The man was arrested by municipal police.',
  ),
  r(
    'saint-aubin-market-headscarf',
    'FR',
    '2025-05-10',
    'Municipal police in Saint-Aubin-sur-Lac detained a man who assaulted a veiled woman at the weekly market on Saturday, pulling at her headscarf and knocking her down. Prosecutors are considering a hate-crime charge.',
  ),
  r(
    'saint-aubin-market-headscarf',
    'FR',
    '2025-05-10',
    'On 10 May at the market square of Saint-Aubin-sur-Lac a man attacked a woman because of her headscarf; she fell and was bruised. The suspect was arrested at the scene.',
  ),

  // Zielona Dolina (PL), week of 14 July 2025: the border area.
  r(
    'zielona-pushback',
    'PL',
    '2025-07-15',
    'An NGO reported that border guards forced a group of twelve people, among them four children, back across the border near Zielona Dolina on Tuesday night despite requests for asylum. Two of the group needed medical help for hypothermia.',
  ),
  r(
    'zielona-pushback',
    'PL',
    '2025-07-15',
    'Group of 12 migrants, including 4 minors, pushed back to the border from the forest near Zielona Dolina on 15 July, according to volunteers who had met them earlier. The volunteers say the group asked for international protection.',
  ),
  r(
    'zielona-pushback',
    'PL',
    '2025-07-16',
    'Border Guard statement: on 15 July patrols near Zielona Dolina stopped 12 foreigners who had crossed the border irregularly; they were escorted to the border line. The statement does not mention asylum requests.',
  ),
  r(
    'zielona-volunteers-detained',
    'PL',
    '2025-07-17',
    'Police detained three humanitarian volunteers for several hours near Zielona Dolina on Thursday while they were delivering water and food to people in the forest. They were released without charge.',
  ),
  r(
    'zielona-volunteers-detained',
    'PL',
    '2025-07-17',
    'Three aid volunteers were held by police near Zielona Dolina on 17 July and their car was searched; activists call it intimidation. No charges were filed.',
  ),
  r(
    'zielona-body-found',
    'PL',
    '2025-07-19',
    'The body of a young man was found in the forest near Zielona Dolina on Saturday, about two kilometres from the border. Prosecutors have opened an investigation into the cause of death; volunteers say he was probably a migrant.',
  ),
  r(
    'zielona-body-found',
    'PL',
    '2025-07-19',
    'Prosecutors investigate a death after the body of a man was discovered on 19 July in woods close to the border near Zielona Dolina. He has not been identified.',
  ),

  // Portovecchio (IT), week of 1 September 2025: a planned reception centre.
  r(
    'portovecchio-councillor-post',
    'IT',
    '2025-09-02',
    'A municipal councillor in Portovecchio posted on social media that migrants arriving at the port were invaders who should be sent back by force. Prosecutors have opened a preliminary investigation for incitement to racial hatred.',
  ),
  r(
    'portovecchio-councillor-post',
    'IT',
    '2025-09-03',
    'Prosecutors in Portovecchio are examining a social-media post in which a local councillor described migrants landing at the harbour as invaders to be forcibly returned. Opposition parties demanded his resignation.',
  ),
  r(
    'portovecchio-leaflets',
    'IT',
    '2025-09-04',
    'Leaflets calling on residents to defend Portovecchio against a planned reception centre for migrants were put in letterboxes across the old town on Thursday. The mayor condemned them; police are trying to find who printed them.',
  ),
  r(
    'portovecchio-leaflets',
    'IT',
    '2025-09-04',
    'Hundreds of flyers against the new migrant reception centre were distributed in the historic centre of Portovecchio on 4 September. The mayor called the leaflets shameful.',
  ),
  r(
    'portovecchio-protest',
    'IT',
    '2025-09-05',
    'About 300 people protested in Portovecchio on Friday against the planned reception centre for migrants. Scuffles broke out when some protesters tried to reach the site; two police officers were slightly injured and four people were detained.',
  ),
  r(
    'portovecchio-protest',
    'IT',
    '2025-09-05',
    'Portovecchio: a protest by roughly three hundred residents against the migrant centre turned violent on 5 September; four arrests, two officers hurt.',
  ),
  r(
    'portovecchio-protest',
    'IT',
    '2025-09-06',
    'Four people were arrested after clashes with police at a demonstration against a reception centre in Portovecchio. Organisers put the crowd at 500, police at 300. Two officers suffered minor injuries.',
  ),

  // Norrvik (SE), week of 17 November 2025: places of worship, twice the same mosque.
  r(
    'norrvik-mosque-windows',
    'SE',
    '2025-11-18',
    'Several windows of the mosque on Storgatan in Norrvik were smashed overnight into Tuesday. The congregation found stones inside the prayer room in the morning. Police are investigating it as a possible hate crime.',
  ),
  r(
    'norrvik-mosque-windows',
    'SE',
    '2025-11-17',
    'Norrvik mosque vandalised: stones thrown through windows during the night of 17 to 18 November. No one was inside. Police classify it as a suspected hate crime.',
  ),
  r(
    'norrvik-community-letter',
    'SE',
    '2025-11-20',
    'The Jewish community centre in Norrvik received a threatening letter on Thursday containing antisemitic insults and a white powder, which turned out to be harmless. The building was evacuated for two hours.',
  ),
  r(
    'norrvik-community-letter',
    'SE',
    '2025-11-20',
    'Norrvik: an envelope with antisemitic threats and a harmless powder was sent to the Jewish community on 20 November; police evacuated the centre as a precaution.',
  ),
  r(
    'norrvik-mosque-fire',
    'SE',
    '2025-11-22',
    'A small fire was set at the door of the mosque on Storgatan in Norrvik on Saturday evening, four days after its windows were smashed. The fire was put out by worshippers; nobody was hurt.',
  ),
  r(
    'norrvik-mosque-fire',
    'SE',
    '2025-11-22',
    'Arson at Norrvik mosque on 22 November: the entrance door was set alight while people were praying inside. The fire was extinguished quickly. Police are examining whether it is linked to the vandalism earlier in the week.',
  ),

  // Villanueva del Río (ES), week of 4 August 2025: farm work.
  r(
    'villanueva-farm-inspection',
    'ES',
    '2025-08-05',
    'Labour inspectors found 30 seasonal farm workers living in overcrowded containers without running water on a farm near Villanueva del Río on Tuesday. The employer faces charges of exploiting workers; the workers were moved to municipal housing.',
  ),
  r(
    'villanueva-farm-inspection',
    'ES',
    '2025-08-05',
    'Thirty fruit pickers, most of them without residence permits, were discovered in squalid conditions at a farm outside Villanueva del Río on 5 August. Inspectors say they were paid 3 euros an hour; the farm owner has been charged.',
  ),
  r(
    'villanueva-farm-inspection',
    'ES',
    '2025-08-06',
    'Villanueva del Río: farm owner charged after an inspection uncovered 30 workers housed in shipping containers with no water and paid far below the minimum wage.',
  ),
  r(
    'villanueva-heat-death',
    'ES',
    '2025-08-07',
    'A seasonal worker died of heat stroke while picking fruit near Villanueva del Río on Thursday when temperatures reached 44 degrees. Unions say he had worked for ten hours without a break.',
  ),
  r(
    'villanueva-heat-death',
    'ES',
    '2025-08-07',
    'Farm labourer dies in 44°C heat near Villanueva del Río, 7 August; the union blames the employer for refusing breaks and shade.',
  ),
  r(
    'villanueva-police-raid',
    'ES',
    '2025-08-06',
    'Police raided a farm near Villanueva del Río on Wednesday and detained 12 workers without residence permits for immigration offences. The farm operator was fined.',
  ),
  r(
    'villanueva-police-raid',
    'ES',
    '2025-08-06',
    'Twelve undocumented farm workers were detained in a police operation at an estate close to Villanueva del Río on 6 August; the owner received a fine.',
  ),

  // Eastmoor (GB), week of 2 June 2025: a hotel housing asylum seekers.
  r(
    'eastmoor-hotel-fireworks',
    'GB',
    '2025-06-03',
    'Around 150 people protested outside a hotel housing asylum seekers in Eastmoor on Tuesday evening. Fireworks were thrown at the building and a window was broken; police made three arrests.',
  ),
  r(
    'eastmoor-hotel-fireworks',
    'GB',
    '2025-06-03',
    'Eastmoor: three arrested after fireworks were hurled at an asylum hotel during a demonstration of about 150 people on 3 June. One window was damaged; no residents were injured.',
  ),
  r(
    'eastmoor-resident-beaten',
    'GB',
    '2025-06-05',
    'A resident of the Eastmoor asylum hotel was punched and kicked by a group of four men while walking to a shop on Thursday night. He was treated in hospital for facial injuries. Police are appealing for witnesses.',
  ),
  r(
    'eastmoor-resident-beaten',
    'GB',
    '2025-06-06',
    'Police in Eastmoor seek four men after an asylum seeker staying at a local hotel was beaten in the street on 5 June. The victim suffered cuts and bruises to his face.',
  ),
  r(
    'eastmoor-second-protest',
    'GB',
    '2025-06-07',
    'A second protest outside the Eastmoor asylum hotel on Saturday drew about 80 people and a counter-demonstration of similar size. Police kept the groups apart and no arrests were made.',
  ),
  r(
    'eastmoor-second-protest',
    'GB',
    '2025-06-07',
    'Saturday’s rally at the asylum hotel in Eastmoor passed off peacefully: roughly 80 protesters faced about 100 counter-protesters, and police reported no arrests.',
  ),
];
