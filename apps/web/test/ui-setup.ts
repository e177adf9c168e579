// Browser journeys start an app, a browser and several pages: more than the 30 s a unit test gets.
jest.setTimeout(120_000);
