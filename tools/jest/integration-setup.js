// Integration tests talk to real servers (Kafka group joins, FerretDB writes): give them room.
jest.setTimeout(120000);
