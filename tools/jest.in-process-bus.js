// The e2e-in-process project: startTestPlatform puts the in-process bus between the services instead of Kafka.
process.env.CEM_TEST_BUS = 'in-process';
