export * from './employee-facts.evolve';
