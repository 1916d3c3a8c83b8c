import type { AttributeDatatype, ServiceType } from '../src/api/types.js';

export interface SeedAttribute {
  code: string;
  variable: boolean;
  datatype: AttributeDatatype;
  required: boolean;
  datatype_description?: string;
  description: string;
  values?: Array<[key: string, name: string]>;
}

export interface SeedService {
  code: string;
  name: string;
  group: string;
  type: ServiceType;
  description: string;
  keywords: string[];
  agency: string;
  notice: string;
  /** Working days the city aims to take; becomes `expected_datetime`. */
  slaDays: number;
  /**
   * Whether a report must carry contact details (the `contact_policy` extension on the service
   * definition). Absent means the spec's default: contact is optional.
   */
  contactPolicy?: 'anonymous' | 'optional' | 'required';
  /**
   * `point`: a report must carry `lat` and `long` (a typed address alone is refused with a 400
   * naming `lat`), for services whose crews need the exact spot. Absent: an address is enough.
   */
  location?: 'point';
  attributes: SeedAttribute[];
  descriptions: string[];
  closingNotes: string[];
}

const DPW = 'Department of Public Works';
const info = (code: string, description: string): SeedAttribute => ({
  code,
  variable: false,
  datatype: 'text',
  required: false,
  description,
});

export const SERVICES: SeedService[] = [
  {
    code: 'POTHOLE',
    name: 'Pothole',
    group: 'Streets & Sidewalks',
    type: 'realtime',
    description: 'A hole or sunken area in the road surface.',
    keywords: ['pothole', 'road', 'street', 'pavement', 'hole'],
    agency: `${DPW} – Streets`,
    notice: 'Potholes are usually filled within 5 business days.',
    slaDays: 5,
    attributes: [
      info('POTHOLE_INFO', 'Report each pothole separately. If a pothole damaged your vehicle, file a claim with the City Clerk.'),
      {
        code: 'SIZE',
        variable: true,
        datatype: 'singlevaluelist',
        required: true,
        description: 'How big is the pothole?',
        values: [
          ['SMALL', 'Smaller than a dinner plate'],
          ['MEDIUM', 'About the size of a car tire'],
          ['LARGE', 'Larger than a car tire'],
        ],
      },
      {
        code: 'LANE',
        variable: true,
        datatype: 'singlevaluelist',
        required: false,
        description: 'Where on the road is it?',
        values: [
          ['TRAVEL', 'Travel lane'],
          ['PARKING', 'Parking lane'],
          ['CROSSWALK', 'Crosswalk'],
          ['BIKE', 'Bike lane'],
        ],
      },
    ],
    descriptions: [
      'Deep pothole in the travel lane, cars swerving around it.',
      'Several potholes near the crosswalk.',
      'Pothole keeps coming back after the last patch.',
      'Large hole next to the storm drain.',
    ],
    closingNotes: ['Pothole filled with hot asphalt patch.', 'Repaired; street is on the resurfacing list.', 'Duplicate of an earlier request at this location.'],
  },
  {
    code: 'STLIGHT',
    name: 'Streetlight Out',
    group: 'Streets & Sidewalks',
    type: 'realtime',
    description: 'A streetlight that is out, flickering or damaged.',
    keywords: ['streetlight', 'light', 'lamp', 'dark', 'pole'],
    agency: `${DPW} – Street Lighting`,
    notice: 'Most streetlight repairs are completed within 10 business days.',
    slaDays: 10,
    attributes: [
      {
        code: 'POLE_NUMBER',
        variable: true,
        datatype: 'string',
        required: false,
        datatype_description: 'The number on the metal tag on the pole, for example HFD-10234.',
        description: 'Pole number',
      },
      {
        code: 'PROBLEM',
        variable: true,
        datatype: 'singlevaluelist',
        required: true,
        description: 'What is wrong with the light?',
        values: [
          ['OUT', 'Light is out'],
          ['FLICKER', 'Light flickers'],
          ['DAY', 'Light is on during the day'],
          ['DAMAGED', 'Pole or fixture is damaged'],
        ],
      },
      {
        code: 'LIGHTS_OUT',
        variable: true,
        datatype: 'number',
        required: false,
        datatype_description: 'A whole number, for example 3.',
        description: 'How many lights in a row are out?',
      },
    ],
    descriptions: ['Light has been out for a week, the block is very dark.', 'Streetlight flickers all night.', 'Pole was hit by a car and is leaning.'],
    closingNotes: ['Lamp replaced.', 'Repaired by Eversource; the pole belongs to the utility.', 'Fixture replaced with LED.'],
  },
  {
    code: 'SIDEWALK',
    name: 'Damaged Sidewalk',
    group: 'Streets & Sidewalks',
    type: 'realtime',
    description: 'Broken, raised or missing sidewalk or curb ramp.',
    keywords: ['sidewalk', 'curb', 'ramp', 'trip', 'concrete', 'accessibility'],
    agency: `${DPW} – Streets`,
    notice: 'An inspector will look at the sidewalk within 15 business days.',
    slaDays: 15,
    attributes: [
      {
        code: 'HAZARD',
        variable: true,
        datatype: 'multivaluelist',
        required: true,
        description: 'What is the problem? Choose all that apply.',
        values: [
          ['RAISED', 'Raised or uneven slab'],
          ['CRACKED', 'Cracked or crumbling'],
          ['HOLE', 'Hole'],
          ['RAMP', 'Missing or broken curb ramp'],
          ['ROOTS', 'Lifted by tree roots'],
        ],
      },
    ],
    descriptions: ['Raised slab, people trip here every day.', 'Curb ramp at the corner is broken, wheelchair cannot pass.', 'Sidewalk crumbling in front of the bus stop.'],
    closingNotes: ['Inspected and added to the sidewalk repair program.', 'Temporary asphalt ramp installed; permanent repair scheduled.', 'Slab ground down to remove the trip hazard.'],
  },
  {
    code: 'SIGNAL',
    // Crews go to one signal head at one corner: a typed street name does not find it.
    location: 'point',
    name: 'Traffic Signal Problem',
    group: 'Streets & Sidewalks',
    type: 'realtime',
    description: 'A traffic or pedestrian signal that is dark, stuck or damaged.',
    keywords: ['traffic light', 'signal', 'walk signal', 'intersection'],
    agency: `${DPW} – Traffic Engineering`,
    notice: 'Dark or stuck signals are treated as urgent.',
    slaDays: 2,
    attributes: [
      info('SIGNAL_INFO', 'If a signal is dark, treat the intersection as an all-way stop. Call 911 to report a crash.'),
      {
        code: 'SIGNAL_PROBLEM',
        variable: true,
        datatype: 'singlevaluelist',
        required: true,
        description: 'What is the signal doing?',
        values: [
          ['DARK', 'Signal is dark'],
          ['STUCK', 'Stuck on one colour'],
          ['FLASHING', 'Flashing'],
          ['PED', 'Pedestrian button or walk signal not working'],
          ['DAMAGED', 'Signal head damaged or turned'],
        ],
      },
    ],
    descriptions: ['Walk signal never comes on.', 'Signal stuck on red for the side street.', 'Signal head turned the wrong way after the storm.'],
    closingNotes: ['Controller reset; signal operating normally.', 'Pedestrian push button replaced.', 'Signal head realigned.'],
  },
  {
    code: 'MISSEDPU',
    name: 'Missed Trash or Recycling Pickup',
    group: 'Sanitation',
    type: 'realtime',
    description: 'Your cart was out on time but was not collected.',
    keywords: ['trash', 'garbage', 'recycling', 'pickup', 'collection', 'cart'],
    agency: `${DPW} – Sanitation`,
    notice: 'Missed collections are picked up within 2 business days.',
    slaDays: 2,
    attributes: [
      {
        code: 'CART_TYPE',
        variable: true,
        datatype: 'singlevaluelist',
        required: true,
        description: 'Which cart was missed?',
        values: [
          ['TRASH', 'Trash (green cart)'],
          ['RECYCLING', 'Recycling (blue cart)'],
          ['YARD', 'Yard waste'],
        ],
      },
      {
        code: 'COLLECTION_DATE',
        variable: true,
        datatype: 'datetime',
        required: true,
        datatype_description: 'The date of your scheduled collection, for example 2025-03-14.',
        description: 'When was your collection day?',
      },
    ],
    descriptions: ['Whole street was skipped this week.', 'Recycling cart not emptied.', 'Cart was at the curb by 6 am and not picked up.'],
    closingNotes: ['Collected.', 'Collected; the driver reported the cart was blocked by a parked car.', 'Cart contained non-recyclable items and was tagged.'],
  },
  {
    code: 'BULKY',
    name: 'Bulky Waste Pickup',
    group: 'Sanitation',
    type: 'batch',
    description: 'Schedule a pickup of furniture, mattresses, appliances and other large items.',
    keywords: ['bulky', 'furniture', 'mattress', 'appliance', 'couch', 'large item'],
    agency: `${DPW} – Sanitation`,
    notice: 'We will schedule your pickup and confirm the date.',
    slaDays: 10,
    attributes: [
      info('BULKY_INFO', 'Place items at the curb by 7 am on your pickup day. Up to 6 items per pickup.'),
      {
        code: 'ITEMS',
        variable: true,
        datatype: 'multivaluelist',
        required: true,
        description: 'What will you put out?',
        values: [
          ['FURNITURE', 'Furniture'],
          ['MATTRESS', 'Mattress or box spring'],
          ['APPLIANCE', 'Appliance'],
          ['ELECTRONICS', 'Electronics'],
          ['TIRES', 'Tires (up to 4)'],
        ],
      },
      {
        code: 'ITEM_COUNT',
        variable: true,
        datatype: 'number',
        required: true,
        datatype_description: 'A whole number from 1 to 6.',
        description: 'How many items?',
      },
    ],
    descriptions: ['Old couch and two chairs.', 'Mattress and box spring.', 'Broken washing machine.'],
    closingNotes: ['Items collected.', 'Pickup completed.', 'No items were at the curb on the scheduled day.'],
  },
  {
    code: 'ILLDUMP',
    name: 'Illegal Dumping',
    group: 'Sanitation',
    type: 'realtime',
    description: 'Trash, tires or debris dumped on public or vacant land.',
    keywords: ['dumping', 'debris', 'trash', 'tires', 'littering'],
    agency: `${DPW} – Sanitation`,
    notice: 'Dumped material is usually removed within 5 business days.',
    slaDays: 5,
    attributes: [
      {
        code: 'MATERIAL',
        variable: true,
        datatype: 'multivaluelist',
        required: true,
        description: 'What was dumped?',
        values: [
          ['HOUSEHOLD', 'Household trash'],
          ['CONSTRUCTION', 'Construction debris'],
          ['TIRES', 'Tires'],
          ['FURNITURE', 'Furniture or mattresses'],
          ['HAZARDOUS', 'Paint, oil or chemicals'],
        ],
      },
      {
        code: 'WITNESSED',
        variable: true,
        datatype: 'datetime',
        required: false,
        datatype_description: 'Date and time, for example 2025-03-14T18:30.',
        description: 'If you saw it being dumped, when?',
      },
      {
        code: 'VEHICLE',
        variable: true,
        datatype: 'text',
        required: false,
        description: 'Describe any vehicle involved (colour, make, plate).',
      },
    ],
    descriptions: ['Pile of tires behind the vacant lot.', 'Bags of trash dumped by the dumpster.', 'Construction debris left on the sidewalk overnight.'],
    closingNotes: ['Material removed.', 'Removed; referred to Hartford Police for enforcement.', 'On private property; owner cited by Licenses & Inspections.'],
  },
  {
    code: 'TREEDOWN',
    name: 'Fallen Tree or Limb',
    group: 'Trees',
    type: 'realtime',
    description: 'A city tree or branch that has fallen or is about to fall.',
    keywords: ['tree', 'limb', 'branch', 'fallen', 'storm'],
    agency: `${DPW} – Forestry`,
    notice: 'Trees blocking a street are cleared first.',
    slaDays: 3,
    attributes: [
      info('TREE_INFO', 'If a tree is touching power lines, stay at least 30 feet away and call Eversource at 800-286-2000.'),
      {
        code: 'BLOCKING',
        variable: true,
        datatype: 'multivaluelist',
        required: true,
        description: 'What is it blocking?',
        values: [
          ['STREET', 'Street'],
          ['SIDEWALK', 'Sidewalk'],
          ['DRIVEWAY', 'Driveway'],
          ['WIRES', 'Resting on wires'],
          ['NONE', 'Nothing'],
        ],
      },
    ],
    descriptions: ['Large limb across the sidewalk after the storm.', 'Branch hanging over the street, looks ready to fall.', 'Tree down blocking one lane.'],
    closingNotes: ['Limb removed and chipped.', 'Tree cleared from the roadway; stump removal scheduled.', 'Tree is on private property; owner notified.'],
  },
  {
    code: 'TREETRIM',
    name: 'Tree Trimming or Removal',
    group: 'Trees',
    type: 'batch',
    description: 'Ask Forestry to inspect a city tree for trimming or removal.',
    keywords: ['tree', 'trim', 'prune', 'removal', 'dead tree'],
    agency: `${DPW} – Forestry`,
    notice: 'A city arborist reviews each request; trimming is scheduled by neighborhood.',
    slaDays: 45,
    attributes: [
      {
        code: 'TREE_LOCATION',
        variable: true,
        datatype: 'singlevaluelist',
        required: true,
        description: 'Where is the tree?',
        values: [
          ['STRIP', 'Between the sidewalk and the curb'],
          ['PARK', 'In a park'],
          ['PRIVATE', 'On private property'],
        ],
      },
      {
        code: 'TREE_DIAMETER',
        variable: true,
        datatype: 'number',
        required: false,
        datatype_description: 'Trunk width in inches, measured at chest height.',
        description: 'About how wide is the trunk?',
      },
    ],
    descriptions: ['Branches blocking the streetlight.', 'Dead tree in front of the house.', 'Limbs rubbing against the roof.'],
    closingNotes: ['Tree trimmed.', 'Tree removed; a replacement is on the spring planting list.', 'Inspected; the tree is healthy and needs no work.'],
  },
  {
    code: 'GRAFFITI',
    contactPolicy: 'anonymous',
    name: 'Graffiti Removal',
    group: 'Graffiti',
    type: 'realtime',
    description: 'Graffiti on public property, or on private property visible from the street.',
    keywords: ['graffiti', 'tagging', 'vandalism', 'paint'],
    agency: `${DPW} – Graffiti Abatement`,
    notice: 'Offensive graffiti is removed within 1 business day, other graffiti within 10.',
    slaDays: 10,
    attributes: [
      {
        code: 'SURFACE',
        variable: true,
        datatype: 'singlevaluelist',
        required: true,
        description: 'Where is the graffiti?',
        values: [
          ['PUBLIC_BUILDING', 'Public building'],
          ['PRIVATE_BUILDING', 'Private building'],
          ['SIGN', 'Street sign'],
          ['UTILITY_BOX', 'Utility box'],
          ['BRIDGE', 'Bridge or overpass'],
        ],
      },
      {
        code: 'OFFENSIVE',
        variable: true,
        datatype: 'singlevaluelist',
        required: true,
        description: 'Is it offensive or hateful?',
        values: [
          ['YES', 'Yes'],
          ['NO', 'No'],
        ],
      },
      {
        code: 'AREA_SQFT',
        variable: true,
        datatype: 'number',
        required: false,
        datatype_description: 'Square feet, for example 12.',
        description: 'About how large is it?',
      },
    ],
    descriptions: ['Tags on the utility box at the corner.', 'Graffiti on the side of the library.', 'Spray paint on the stop sign.'],
    closingNotes: ['Graffiti painted over.', 'Removed with pressure washer.', 'Private property; owner sent a removal notice.'],
  },
  {
    code: 'BLIGHT',
    contactPolicy: 'required',
    name: 'Blighted or Vacant Property',
    group: 'Code Enforcement',
    type: 'realtime',
    description: 'A property that is unsafe, open to entry, overgrown or full of trash.',
    keywords: ['blight', 'vacant', 'abandoned house', 'overgrown', 'rodents'],
    agency: 'Licenses & Inspections',
    notice: 'An inspector will visit within 10 business days.',
    slaDays: 10,
    attributes: [
      {
        code: 'CONDITIONS',
        variable: true,
        datatype: 'multivaluelist',
        required: true,
        description: 'What do you see? Choose all that apply.',
        values: [
          ['OVERGROWN', 'Overgrown grass or weeds'],
          ['OPEN', 'Open to entry'],
          ['TRASH', 'Trash or debris in the yard'],
          ['WINDOWS', 'Broken windows'],
          ['RODENTS', 'Rodents'],
        ],
      },
      {
        code: 'VACANT',
        variable: true,
        datatype: 'singlevaluelist',
        required: false,
        description: 'Is the building vacant?',
        values: [
          ['YES', 'Yes'],
          ['NO', 'No'],
          ['UNKNOWN', "I don't know"],
        ],
      },
      {
        code: 'DETAILS',
        variable: true,
        datatype: 'text',
        required: false,
        description: 'Anything else the inspector should know?',
      },
    ],
    descriptions: ['Back door open, people going in at night.', 'Grass over two feet tall, rats seen.', 'Porch collapsing, trash piling up.'],
    closingNotes: ['Inspected; owner issued a notice of violation.', 'Building boarded and secured by the city.', 'Inspected; no violation found.'],
  },
  {
    code: 'NOHEAT',
    contactPolicy: 'required',
    name: 'No Heat or Hot Water (Rental)',
    group: 'Code Enforcement',
    type: 'realtime',
    description: 'Your rental home has no heat or no hot water.',
    keywords: ['heat', 'hot water', 'landlord', 'apartment', 'rental', 'tenant'],
    agency: 'Licenses & Inspections – Housing Code',
    notice: 'Heat complaints are inspected within 24 hours during the heating season.',
    slaDays: 1,
    attributes: [
      info('HEAT_INFO', 'Landlords must provide heat and hot water. Tell your landlord first if you can. For an emergency, call 911.'),
      {
        code: 'ISSUE',
        variable: true,
        datatype: 'singlevaluelist',
        required: true,
        description: 'What is missing?',
        values: [
          ['HEAT', 'No heat'],
          ['HOT_WATER', 'No hot water'],
          ['BOTH', 'No heat and no hot water'],
        ],
      },
      {
        code: 'SINCE',
        variable: true,
        datatype: 'datetime',
        required: true,
        datatype_description: 'Date and time, for example 2025-01-05T20:00.',
        description: 'Since when?',
      },
      {
        code: 'UNIT',
        variable: true,
        datatype: 'string',
        required: true,
        description: 'Apartment or unit number',
      },
    ],
    descriptions: ['No heat since last night, landlord not answering.', 'Boiler broken, no hot water for the whole building.', 'Radiators cold in all rooms.'],
    closingNotes: ['Inspected; landlord ordered to restore heat within 24 hours.', 'Heat restored before inspection.', 'Inspected; heat and hot water working.'],
  },
  {
    code: 'ABANDVEH',
    contactPolicy: 'required',
    name: 'Abandoned Vehicle',
    group: 'Code Enforcement',
    type: 'realtime',
    description: 'A vehicle left on a city street for more than 72 hours.',
    keywords: ['abandoned car', 'vehicle', 'car', 'parking'],
    agency: 'Hartford Police – Traffic Division',
    notice: 'An officer will check and tag the vehicle; it may be towed after 72 hours.',
    slaDays: 7,
    attributes: [
      {
        code: 'MAKE_COLOR',
        variable: true,
        datatype: 'string',
        required: true,
        description: 'Make and colour of the vehicle',
      },
      {
        code: 'PLATE',
        variable: true,
        datatype: 'string',
        required: false,
        description: 'License plate (if any)',
      },
      {
        code: 'DAYS',
        variable: true,
        datatype: 'number',
        required: false,
        datatype_description: 'A whole number of days.',
        description: 'How many days has it been there?',
      },
    ],
    descriptions: ['Car with flat tires, has not moved in weeks.', 'Van with no plates parked by the school.', 'Burned-out car on the corner.'],
    closingNotes: ['Vehicle tagged and towed.', 'Vehicle was moved by the owner.', 'Vehicle is registered and legally parked.'],
  },
  {
    code: 'PARKMAINT',
    name: 'Park Maintenance',
    group: 'Parks',
    type: 'realtime',
    description: 'Litter, broken equipment or other problems in a city park.',
    keywords: ['park', 'playground', 'bench', 'field', 'restroom'],
    agency: 'Parks & Recreation',
    notice: 'Park staff will review your report within 5 business days.',
    slaDays: 5,
    attributes: [
      {
        code: 'PARK',
        variable: true,
        datatype: 'singlevaluelist',
        required: true,
        description: 'Which park?',
        values: [
          ['BUSHNELL', 'Bushnell Park'],
          ['ELIZABETH', 'Elizabeth Park'],
          ['KENEY', 'Keney Park'],
          ['COLT', 'Colt Park'],
          ['POPE', 'Pope Park'],
          ['GOODWIN', 'Goodwin Park'],
          ['RIVERSIDE', 'Riverside Park'],
          ['OTHER', 'Another park'],
        ],
      },
      {
        code: 'PARK_ISSUE',
        variable: true,
        datatype: 'multivaluelist',
        required: true,
        description: 'What needs attention?',
        values: [
          ['LITTER', 'Litter or overflowing trash cans'],
          ['EQUIPMENT', 'Broken playground equipment'],
          ['LIGHTING', 'Lighting'],
          ['RESTROOM', 'Restroom'],
          ['GRASS', 'Grass needs mowing'],
        ],
      },
    ],
    descriptions: ['Swing chain broken at the playground.', 'Trash cans overflowing by the carousel.', 'Path lights out along the pond.'],
    closingNotes: ['Repaired.', 'Area cleaned.', 'Part ordered; repair scheduled.'],
  },
  {
    code: 'SNOWPLOW',
    name: 'Unplowed Street',
    group: 'Snow & Ice',
    type: 'realtime',
    description: 'A city street that has not been plowed after a storm.',
    keywords: ['snow', 'plow', 'ice', 'storm', 'unplowed'],
    agency: `${DPW} – Snow Operations`,
    notice: 'Main roads are plowed first, then residential streets.',
    slaDays: 1,
    attributes: [],
    descriptions: ['Street not plowed since the storm ended.', 'Only one lane plowed, cars stuck.', 'Intersection icy and unplowed.'],
    closingNotes: ['Street plowed.', 'Street plowed and sanded.', 'Plowed during the regular storm route.'],
  },
  {
    code: 'SNOWWALK',
    name: 'Unshoveled Sidewalk',
    group: 'Snow & Ice',
    type: 'realtime',
    description: 'A sidewalk left covered in snow or ice after a storm.',
    keywords: ['snow', 'sidewalk', 'shovel', 'ice', 'slippery'],
    agency: 'Licenses & Inspections',
    notice: 'Property owners must clear sidewalks after snow ends; inspectors follow up after 24 hours.',
    slaDays: 3,
    attributes: [
      {
        code: 'PROPERTY_TYPE',
        variable: true,
        datatype: 'singlevaluelist',
        required: true,
        description: 'What kind of property is it?',
        values: [
          ['RESIDENTIAL', 'Home or apartment building'],
          ['BUSINESS', 'Business'],
          ['CITY', 'City property or bus stop'],
        ],
      },
    ],
    descriptions: ['Whole block of sidewalk still icy.', 'Bus stop buried in snow.', 'Corner store never shovels.'],
    closingNotes: ['Owner warned; sidewalk cleared.', 'Owner fined; city crew cleared the sidewalk.', 'Sidewalk clear at inspection.'],
  },
];

export interface SeedStreet {
  name: string;
  zipcode: string;
  from: [lat: number, lon: number];
  to: [lat: number, lon: number];
  /** House numbers run from `numbers[0]` at `from` to `numbers[1]` at `to`. */
  numbers: [number, number];
}

// Real Hartford streets with approximate end points; house numbers are interpolated along them.
export const STREETS: SeedStreet[] = [
  { name: 'Main Street', zipcode: '06103', from: [41.7555, -72.6748], to: [41.7825, -72.6722], numbers: [400, 2100] },
  { name: 'Asylum Avenue', zipcode: '06105', from: [41.7683, -72.6795], to: [41.7762, -72.7155], numbers: [100, 1200] },
  { name: 'Farmington Avenue', zipcode: '06105', from: [41.7665, -72.6890], to: [41.7680, -72.7175], numbers: [100, 1100] },
  { name: 'Capitol Avenue', zipcode: '06106', from: [41.7637, -72.6790], to: [41.7605, -72.7000], numbers: [100, 800] },
  { name: 'Park Street', zipcode: '06106', from: [41.7598, -72.6835], to: [41.7560, -72.7110], numbers: [100, 1300] },
  { name: 'Broad Street', zipcode: '06106', from: [41.7700, -72.6852], to: [41.7528, -72.6878], numbers: [100, 900] },
  { name: 'Washington Street', zipcode: '06106', from: [41.7628, -72.6822], to: [41.7472, -72.6818], numbers: [100, 900] },
  { name: 'Zion Street', zipcode: '06106', from: [41.7562, -72.6958], to: [41.7395, -72.6938], numbers: [100, 700] },
  { name: 'New Britain Avenue', zipcode: '06106', from: [41.7478, -72.6822], to: [41.7392, -72.7125], numbers: [100, 1200] },
  { name: 'Franklin Avenue', zipcode: '06114', from: [41.7538, -72.6750], to: [41.7342, -72.6762], numbers: [1, 700] },
  { name: 'Wethersfield Avenue', zipcode: '06114', from: [41.7548, -72.6698], to: [41.7305, -72.6662], numbers: [1, 900] },
  { name: 'Maple Avenue', zipcode: '06114', from: [41.7498, -72.6772], to: [41.7292, -72.6868], numbers: [1, 800] },
  { name: 'Fairfield Avenue', zipcode: '06114', from: [41.7442, -72.6990], to: [41.7302, -72.7048], numbers: [1, 600] },
  { name: 'Campfield Avenue', zipcode: '06114', from: [41.7422, -72.6882], to: [41.7282, -72.6958], numbers: [1, 500] },
  { name: 'Albany Avenue', zipcode: '06112', from: [41.7778, -72.6838], to: [41.7885, -72.7178], numbers: [100, 1500] },
  { name: 'Blue Hills Avenue', zipcode: '06112', from: [41.7842, -72.6958], to: [41.8078, -72.7022], numbers: [1, 1000] },
  { name: 'Homestead Avenue', zipcode: '06112', from: [41.7775, -72.6925], to: [41.7792, -72.7098], numbers: [1, 500] },
  { name: 'Sigourney Street', zipcode: '06105', from: [41.7618, -72.6968], to: [41.7788, -72.6962], numbers: [1, 300] },
  { name: 'Woodland Street', zipcode: '06105', from: [41.7698, -72.7038], to: [41.7878, -72.7058], numbers: [1, 400] },
  { name: 'Laurel Street', zipcode: '06106', from: [41.7602, -72.6942], to: [41.7688, -72.6945], numbers: [1, 200] },
  { name: 'Prospect Avenue', zipcode: '06105', from: [41.7652, -72.7182], to: [41.7988, -72.7172], numbers: [100, 1100] },
  { name: 'Barbour Street', zipcode: '06120', from: [41.7802, -72.6778], to: [41.7978, -72.6822], numbers: [1, 600] },
  { name: 'Vine Street', zipcode: '06112', from: [41.7828, -72.6958], to: [41.7938, -72.6935], numbers: [1, 300] },
  { name: 'Garden Street', zipcode: '06112', from: [41.7742, -72.6872], to: [41.7918, -72.6892], numbers: [1, 500] },
  { name: 'Lawrence Street', zipcode: '06106', from: [41.7602, -72.6902], to: [41.7512, -72.6922], numbers: [1, 200] },
  { name: 'Retreat Avenue', zipcode: '06106', from: [41.7552, -72.6742], to: [41.7522, -72.6832], numbers: [1, 300] },
  { name: 'Sisson Avenue', zipcode: '06105', from: [41.7648, -72.7052], to: [41.7562, -72.7072], numbers: [1, 300] },
  { name: 'Scarborough Street', zipcode: '06105', from: [41.7722, -72.7122], to: [41.7852, -72.7112], numbers: [1, 200] },
  { name: 'Bartholomew Avenue', zipcode: '06106', from: [41.7572, -72.6942], to: [41.7562, -72.7048], numbers: [1, 300] },
  { name: 'Huyshope Avenue', zipcode: '06106', from: [41.7552, -72.6702], to: [41.7502, -72.6698], numbers: [1, 150] },
  { name: 'Pearl Street', zipcode: '06103', from: [41.7668, -72.6788], to: [41.7672, -72.6738], numbers: [1, 300] },
  { name: 'Trumbull Street', zipcode: '06103', from: [41.7632, -72.6778], to: [41.7705, -72.6752], numbers: [1, 300] },
  { name: 'Edgewood Street', zipcode: '06112', from: [41.7802, -72.6962], to: [41.7842, -72.7082], numbers: [1, 200] },
  { name: 'Wooster Street', zipcode: '06120', from: [41.7758, -72.6802], to: [41.7805, -72.6812], numbers: [1, 150] },
  { name: 'Preston Street', zipcode: '06114', from: [41.7402, -72.6792], to: [41.7398, -72.6712], numbers: [1, 150] },
];

export interface SeedPlace {
  /** What residents call it: "City Hall", or a corner "Main Street and Asylum Avenue". */
  name: string;
  /** Empty for a street corner. */
  house_number: string;
  street: string;
  zipcode: string;
  lat: number;
  lon: number;
}

/**
 * Places the demo names on its pages (footer, hints), so the geocoder finds every address a
 * resident sees there. City Hall comes first: a search for Main Street offers it before house numbers.
 */
export const PLACES: SeedPlace[] = [
  { name: 'City Hall', house_number: '550', street: 'Main Street', zipcode: '06103', lat: 41.7637, lon: -72.6738 },
  { name: 'Main Street and Asylum Avenue', house_number: '', street: 'Main Street', zipcode: '06103', lat: 41.7676, lon: -72.6737 },
];

export const CITY = { name: 'Hartford', state: 'Connecticut', stateCode: 'CT', countryCode: 'us', country: 'United States' };

/** Whether a service demands coordinates (`point`), from the seed (the reference city's configuration). */
export function locationPolicyOf(serviceCode: string): SeedService['location'] {
  return SERVICES.find((s) => s.code === serviceCode)?.location;
}

/** The contact policy a service declares, from the seed (the reference city's configuration). */
export function contactPolicyOf(serviceCode: string): SeedService['contactPolicy'] {
  return SERVICES.find((s) => s.code === serviceCode)?.contactPolicy;
}
