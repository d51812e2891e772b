/**
 * Raw, hand-checked coverage facts for the demo dataset: real area codes and the cities they serve.
 * `coverage.ts` turns these rows into DIDWW-shaped records with stable ids, prices and numbers.
 *
 * Area rows read `"<area prefix>|<city>|<region>"`. The area prefix is the national number prefix
 * after the country calling code (US/CA: the NPA; IT keeps its leading 0, as dialled).
 * Non-geographic rows read `"<type>|<area prefix>|<area name>"`.
 */

export type DemoGroupTypeName = 'Local' | 'Mobile' | 'National' | 'Toll-free';

export interface CountrySpec {
  iso: string;
  name: string;
  /** Country calling code, as DIDWW's `countries.prefix`. */
  prefix: string;
  /** Length of the national significant number for local numbers. */
  nsnLength: number;
  /** Region code → region name (US states, CA provinces); absent where rows carry the full name. */
  regionNames?: Record<string, string>;
  areas: string[];
  /** Non-geographic groups: `"<type>|<prefix>|<area name>|<nsn length>"`. */
  nonGeo: string[];
  /** Per-area overrides of the national number length, by area prefix. */
  nsnLengthByPrefix?: Record<string, number>;
}

const US_STATES: Record<string, string> = {
  AK: 'Alaska', AL: 'Alabama', AR: 'Arkansas', AZ: 'Arizona', CA: 'California', CO: 'Colorado',
  CT: 'Connecticut', DC: 'District of Columbia', DE: 'Delaware', FL: 'Florida', GA: 'Georgia',
  HI: 'Hawaii', IA: 'Iowa', ID: 'Idaho', IL: 'Illinois', IN: 'Indiana', KS: 'Kansas',
  KY: 'Kentucky', LA: 'Louisiana', MA: 'Massachusetts', MD: 'Maryland', ME: 'Maine',
  MI: 'Michigan', MN: 'Minnesota', MO: 'Missouri', MS: 'Mississippi', MT: 'Montana',
  NC: 'North Carolina', ND: 'North Dakota', NE: 'Nebraska', NH: 'New Hampshire', NJ: 'New Jersey',
  NM: 'New Mexico', NV: 'Nevada', NY: 'New York', OH: 'Ohio', OK: 'Oklahoma', OR: 'Oregon',
  PA: 'Pennsylvania', RI: 'Rhode Island', SC: 'South Carolina', SD: 'South Dakota',
  TN: 'Tennessee', TX: 'Texas', UT: 'Utah', VA: 'Virginia', VT: 'Vermont', WA: 'Washington',
  WI: 'Wisconsin', WV: 'West Virginia', WY: 'Wyoming',
};

const CA_PROVINCES: Record<string, string> = {
  AB: 'Alberta', BC: 'British Columbia', MB: 'Manitoba', NB: 'New Brunswick',
  NL: 'Newfoundland and Labrador', NS: 'Nova Scotia', ON: 'Ontario', QC: 'Quebec',
  SK: 'Saskatchewan', YT: 'Yukon',
};

const US_AREAS = `
201|Jersey City|NJ 202|Washington|DC 203|New Haven|CT 205|Birmingham|AL 206|Seattle|WA
207|Portland|ME 208|Boise|ID 209|Stockton|CA 210|San Antonio|TX 212|New York|NY
213|Los Angeles|CA 214|Dallas|TX 215|Philadelphia|PA 216|Cleveland|OH 217|Springfield|IL
218|Duluth|MN 219|Gary|IN 225|Baton Rouge|LA 239|Fort Myers|FL 248|Troy|MI
251|Mobile|AL 253|Tacoma|WA 254|Waco|TX 256|Huntsville|AL 260|Fort Wayne|IN
269|Kalamazoo|MI 301|Rockville|MD 302|Wilmington|DE 303|Denver|CO 304|Charleston|WV
305|Miami|FL 307|Cheyenne|WY 308|Grand Island|NE 309|Peoria|IL 310|Santa Monica|CA
312|Chicago|IL 313|Detroit|MI 314|St. Louis|MO 315|Syracuse|NY 316|Wichita|KS
317|Indianapolis|IN 318|Shreveport|LA 319|Cedar Rapids|IA 330|Akron|OH 334|Montgomery|AL
336|Greensboro|NC 337|Lafayette|LA 352|Gainesville|FL 360|Olympia|WA 361|Corpus Christi|TX
401|Providence|RI 402|Omaha|NE 404|Atlanta|GA 405|Oklahoma City|OK 406|Billings|MT
407|Orlando|FL 408|San Jose|CA 409|Beaumont|TX 410|Baltimore|MD 412|Pittsburgh|PA
413|Springfield|MA 414|Milwaukee|WI 415|San Francisco|CA 417|Springfield|MO 419|Toledo|OH
423|Chattanooga|TN 425|Bellevue|WA 432|Midland|TX 435|St. George|UT 479|Fort Smith|AR
480|Mesa|AZ 501|Little Rock|AR 502|Louisville|KY 503|Portland|OR 504|New Orleans|LA
505|Albuquerque|NM 507|Rochester|MN 508|Worcester|MA 509|Spokane|WA 510|Oakland|CA
512|Austin|TX 513|Cincinnati|OH 515|Des Moines|IA 516|Hempstead|NY 517|Lansing|MI
518|Albany|NY 520|Tucson|AZ 541|Eugene|OR 559|Fresno|CA 561|West Palm Beach|FL
562|Long Beach|CA 563|Davenport|IA 573|Columbia|MO 574|South Bend|IN 575|Las Cruces|NM
585|Rochester|NY 601|Jackson|MS 602|Phoenix|AZ 603|Manchester|NH 605|Sioux Falls|SD
607|Binghamton|NY 608|Madison|WI 609|Trenton|NJ 610|Allentown|PA 612|Minneapolis|MN
614|Columbus|OH 615|Nashville|TN 616|Grand Rapids|MI 617|Boston|MA 619|San Diego|CA
626|Pasadena|CA 630|Naperville|IL 631|Islip|NY 646|New York|NY 650|Palo Alto|CA
651|St. Paul|MN 661|Bakersfield|CA 662|Tupelo|MS 678|Atlanta|GA 701|Fargo|ND
702|Las Vegas|NV 703|Alexandria|VA 704|Charlotte|NC 707|Santa Rosa|CA 713|Houston|TX
714|Anaheim|CA 716|Buffalo|NY 717|Harrisburg|PA 718|Brooklyn|NY 719|Colorado Springs|CO
720|Denver|CO 727|St. Petersburg|FL 732|New Brunswick|NJ 757|Norfolk|VA 760|Palm Springs|CA
770|Marietta|GA 773|Chicago|IL 775|Reno|NV 781|Waltham|MA 785|Topeka|KS
786|Miami|FL 801|Salt Lake City|UT 802|Burlington|VT 803|Columbia|SC 804|Richmond|VA
805|Santa Barbara|CA 806|Lubbock|TX 808|Honolulu|HI 812|Evansville|IN 813|Tampa|FL
815|Rockford|IL 816|Kansas City|MO 817|Fort Worth|TX 818|Burbank|CA 828|Asheville|NC
832|Houston|TX 843|Charleston|SC 847|Evanston|IL 850|Tallahassee|FL 856|Camden|NJ
857|Boston|MA 859|Lexington|KY 860|Hartford|CT 864|Greenville|SC 865|Knoxville|TN
870|Jonesboro|AR 901|Memphis|TN 904|Jacksonville|FL 906|Marquette|MI 907|Anchorage|AK
909|San Bernardino|CA 910|Fayetteville|NC 912|Savannah|GA 913|Overland Park|KS 914|White Plains|NY
915|El Paso|TX 916|Sacramento|CA 917|New York|NY 918|Tulsa|OK 919|Raleigh|NC
920|Green Bay|WI 925|Concord|CA 928|Flagstaff|AZ 937|Dayton|OH 949|Irvine|CA
951|Riverside|CA 954|Fort Lauderdale|FL 956|McAllen|TX 970|Fort Collins|CO 973|Newark|NJ
`;

const CA_AREAS = `
416|Toronto|ON 647|Toronto|ON 437|Toronto|ON 905|Mississauga|ON 289|Hamilton|ON
613|Ottawa|ON 519|London|ON 705|Sudbury|ON 807|Thunder Bay|ON 604|Vancouver|BC
778|Vancouver|BC 250|Victoria|BC 514|Montreal|QC 438|Montreal|QC 450|Laval|QC
418|Quebec City|QC 819|Gatineau|QC 403|Calgary|AB 780|Edmonton|AB 204|Winnipeg|MB
306|Saskatoon|SK 902|Halifax|NS 506|Moncton|NB 709|St. John's|NL 867|Whitehorse|YT
`;

/** Splits a whitespace-separated block of `a|b|c` rows; city names may contain spaces, so split on the code. */
function rows(block: string): string[] {
  return block.trim().match(/\d+\|[^|]+\|[A-Z]{2}/g) ?? [];
}

export const COUNTRY_SPECS: CountrySpec[] = [
  {
    iso: 'US', name: 'United States', prefix: '1', nsnLength: 10, regionNames: US_STATES,
    areas: rows(US_AREAS),
    nonGeo: ['800', '833', '844', '855', '866', '877', '888'].map((p) => `Toll-free|${p}|Toll-free ${p}|10`),
  },
  {
    iso: 'CA', name: 'Canada', prefix: '1', nsnLength: 10, regionNames: CA_PROVINCES,
    areas: rows(CA_AREAS),
    nonGeo: [],
  },
  {
    iso: 'GB', name: 'United Kingdom', prefix: '44', nsnLength: 10,
    areas: [
      '20|London|England', '121|Birmingham|England', '161|Manchester|England', '113|Leeds|England',
      '141|Glasgow|Scotland', '131|Edinburgh|Scotland', '151|Liverpool|England', '117|Bristol|England',
      '114|Sheffield|England', '191|Newcastle upon Tyne|England', '115|Nottingham|England',
      '116|Leicester|England', '2920|Cardiff|Wales', '2890|Belfast|Northern Ireland',
      '2380|Southampton|England', '2392|Portsmouth|England', '2476|Coventry|England',
      '118|Reading|England', '1865|Oxford|England', '1223|Cambridge|England', '1273|Brighton|England',
      '1224|Aberdeen|Scotland', '1382|Dundee|Scotland', '1904|York|England', '1225|Bath|England',
      '1603|Norwich|England', '1752|Plymouth|England', '1392|Exeter|England', '1792|Swansea|Wales',
      '1482|Hull|England', '1332|Derby|England', '1782|Stoke-on-Trent|England',
    ],
    nonGeo: [
      'Mobile|74|Mobile|10', 'Mobile|75|Mobile|10', 'Mobile|78|Mobile|10',
      'National|330|National|10', 'National|333|National|10', 'National|345|National|10',
      'Toll-free|800|Toll-free|10', 'Toll-free|808|Toll-free|10',
    ],
  },
  {
    iso: 'DE', name: 'Germany', prefix: '49', nsnLength: 10,
    areas: [
      '30|Berlin|Berlin', '40|Hamburg|Hamburg', '89|Munich|Bavaria', '221|Cologne|North Rhine-Westphalia',
      '69|Frankfurt am Main|Hesse', '711|Stuttgart|Baden-Württemberg', '211|Düsseldorf|North Rhine-Westphalia',
      '231|Dortmund|North Rhine-Westphalia', '201|Essen|North Rhine-Westphalia', '341|Leipzig|Saxony',
      '421|Bremen|Bremen', '351|Dresden|Saxony', '511|Hanover|Lower Saxony', '911|Nuremberg|Bavaria',
      '203|Duisburg|North Rhine-Westphalia', '228|Bonn|North Rhine-Westphalia', '621|Mannheim|Baden-Württemberg',
      '721|Karlsruhe|Baden-Württemberg', '251|Münster|North Rhine-Westphalia', '821|Augsburg|Bavaria',
      '431|Kiel|Schleswig-Holstein', '6131|Mainz|Rhineland-Palatinate', '331|Potsdam|Brandenburg',
      '381|Rostock|Mecklenburg-Vorpommern', '361|Erfurt|Thuringia', '391|Magdeburg|Saxony-Anhalt',
      '681|Saarbrücken|Saarland',
    ],
    nonGeo: [
      'Mobile|151|Mobile|11', 'Mobile|176|Mobile|11', 'National|32|National|11', 'Toll-free|800|Toll-free|10',
    ],
  },
  {
    iso: 'NL', name: 'Netherlands', prefix: '31', nsnLength: 9,
    areas: [
      '20|Amsterdam|North Holland', '23|Haarlem|North Holland', '10|Rotterdam|South Holland',
      '70|The Hague|South Holland', '71|Leiden|South Holland', '30|Utrecht|Utrecht',
      '40|Eindhoven|North Brabant', '13|Tilburg|North Brabant', '76|Breda|North Brabant',
      '50|Groningen|Groningen', '36|Almere|Flevoland', '24|Nijmegen|Gelderland', '26|Arnhem|Gelderland',
      '53|Enschede|Overijssel', '38|Zwolle|Overijssel', '43|Maastricht|Limburg',
    ],
    nonGeo: ['Mobile|6|Mobile|9', 'National|85|National|9', 'National|88|National|9', 'Toll-free|800|Toll-free|7'],
  },
  {
    iso: 'BE', name: 'Belgium', prefix: '32', nsnLength: 8,
    areas: [
      '2|Brussels|Brussels-Capital', '3|Antwerp|Flanders', '9|Ghent|Flanders', '4|Liège|Wallonia',
      '71|Charleroi|Wallonia', '16|Leuven|Flanders', '50|Bruges|Flanders', '81|Namur|Wallonia',
      '65|Mons|Wallonia', '11|Hasselt|Flanders', '15|Mechelen|Flanders', '56|Kortrijk|Flanders',
    ],
    nonGeo: ['Mobile|47|Mobile|9', 'Toll-free|800|Toll-free|8'],
  },
  {
    iso: 'FR', name: 'France', prefix: '33', nsnLength: 9,
    areas: [
      '1|Paris|Île-de-France', '478|Lyon|Auvergne-Rhône-Alpes', '476|Grenoble|Auvergne-Rhône-Alpes',
      "491|Marseille|Provence-Alpes-Côte d'Azur", "493|Nice|Provence-Alpes-Côte d'Azur",
      '561|Toulouse|Occitanie', '467|Montpellier|Occitanie', '240|Nantes|Pays de la Loire',
      '388|Strasbourg|Grand Est', '556|Bordeaux|Nouvelle-Aquitaine', '320|Lille|Hauts-de-France',
      '299|Rennes|Brittany',
    ],
    nonGeo: ['National|9|National|9', 'Toll-free|800|Toll-free|9', 'Toll-free|805|Toll-free|9'],
  },
  {
    iso: 'ES', name: 'Spain', prefix: '34', nsnLength: 9,
    areas: [
      '91|Madrid|Community of Madrid', '93|Barcelona|Catalonia', '963|Valencia|Valencian Community',
      '965|Alicante|Valencian Community', '954|Seville|Andalusia', '952|Málaga|Andalusia',
      '957|Córdoba|Andalusia', '976|Zaragoza|Aragon', '944|Bilbao|Basque Country', '968|Murcia|Region of Murcia',
      '971|Palma|Balearic Islands', '928|Las Palmas de Gran Canaria|Canary Islands',
      '983|Valladolid|Castile and León', '986|Vigo|Galicia',
    ],
    nonGeo: ['Toll-free|900|Toll-free|9'],
  },
  {
    iso: 'IT', name: 'Italy', prefix: '39', nsnLength: 10,
    areas: [
      '06|Rome|Lazio', '02|Milan|Lombardy', '081|Naples|Campania', '011|Turin|Piedmont',
      '091|Palermo|Sicily', '095|Catania|Sicily', '010|Genoa|Liguria', '051|Bologna|Emilia-Romagna',
      '055|Florence|Tuscany', '080|Bari|Apulia', '041|Venice|Veneto', '045|Verona|Veneto',
    ],
    nonGeo: ['Toll-free|800|Toll-free|9'],
  },
  {
    iso: 'SE', name: 'Sweden', prefix: '46', nsnLength: 9,
    areas: [
      '8|Stockholm|Stockholm County', '31|Gothenburg|Västra Götaland County', '40|Malmö|Skåne County',
      '42|Helsingborg|Skåne County', '18|Uppsala|Uppsala County', '21|Västerås|Västmanland County',
      '19|Örebro|Örebro County', '13|Linköping|Östergötland County',
    ],
    nonGeo: ['Mobile|70|Mobile|9', 'Mobile|73|Mobile|9', 'Toll-free|20|Toll-free|9'],
  },
  {
    iso: 'AT', name: 'Austria', prefix: '43', nsnLength: 10,
    areas: [
      '1|Vienna|Vienna', '316|Graz|Styria', '732|Linz|Upper Austria', '662|Salzburg|Salzburg',
      '512|Innsbruck|Tyrol', '463|Klagenfurt|Carinthia', '5574|Bregenz|Vorarlberg',
    ],
    nonGeo: ['Mobile|664|Mobile|10', 'Toll-free|800|Toll-free|9'],
    nsnLengthByPrefix: { '1': 8 },
  },
  {
    iso: 'AU', name: 'Australia', prefix: '61', nsnLength: 9,
    areas: [
      '29|Sydney|New South Wales', '249|Newcastle|New South Wales', '39|Melbourne|Victoria',
      '73|Brisbane|Queensland', '755|Gold Coast|Queensland', '89|Perth|Western Australia',
      '882|Adelaide|South Australia', '26|Canberra|Australian Capital Territory', '362|Hobart|Tasmania',
      '889|Darwin|Northern Territory',
    ],
    nonGeo: ['Mobile|4|Mobile|9', 'National|1300|National|10', 'Toll-free|1800|Toll-free|10'],
  },
  {
    iso: 'IE', name: 'Ireland', prefix: '353', nsnLength: 9,
    areas: ['1|Dublin|Leinster', '21|Cork|Munster', '61|Limerick|Munster', '51|Waterford|Munster', '91|Galway|Connacht'],
    nonGeo: ['Mobile|87|Mobile|9', 'Mobile|85|Mobile|9', 'Toll-free|1800|Toll-free|10'],
    nsnLengthByPrefix: { '1': 8, '61': 8, '51': 8, '91': 8 },
  },
  {
    iso: 'PL', name: 'Poland', prefix: '48', nsnLength: 9,
    areas: [
      '22|Warsaw|Masovian Voivodeship', '12|Kraków|Lesser Poland Voivodeship', '42|Łódź|Łódź Voivodeship',
      '71|Wrocław|Lower Silesian Voivodeship', '61|Poznań|Greater Poland Voivodeship',
      '58|Gdańsk|Pomeranian Voivodeship', '91|Szczecin|West Pomeranian Voivodeship',
      '81|Lublin|Lublin Voivodeship', '32|Katowice|Silesian Voivodeship',
    ],
    nonGeo: ['Mobile|50|Mobile|9', 'Mobile|79|Mobile|9', 'National|39|National|9', 'Toll-free|800|Toll-free|9'],
  },
];
