// TLS sockets that close before the file ends: their TCP handle reads `reading` through the TLS socket, gone once closed.
import { get, createServer, type Server } from 'node:https';

// A self-signed certificate for localhost, made for this fixture only.
const cert = `-----BEGIN CERTIFICATE-----
MIIDCzCCAfOgAwIBAgIUZ/4RSYHsC46ZwTpGVuMQ/s9DRc4wDQYJKoZIhvcNAQEL
BQAwFDESMBAGA1UEAwwJbG9jYWxob3N0MCAXDTI2MTIwNjIyNDAzMFoYDzIxMjYx
MTEyMjI0MDMwWjAUMRIwEAYDVQQDDAlsb2NhbGhvc3QwggEiMA0GCSqGSIb3DQEB
AQUAA4IBDwAwggEKAoIBAQDpgmT6pIqt2rzDyEWm5eTKTIOWZMBxWWTVeaR0Uaq9
8p6yQm/DC+dXvpZXmPse9wAky/cjrUJzsBd3Fc/8MWEesAUZsfeMv1q9B6nXkdgr
4guM3Vihypo6wOMMbTHJIumvGevLJUL3ttWrnIc5ny7EgCte8ADiojcoUudUVrMu
4HUhnlbOZreps/zkrNFJs83F4LjTZT4QQSxr9FY1XwCfIq0swciBmrxWGyCYxAnR
APsClQFydYXente6GLHNHxCxW9YCnEkWz2UfRtu2DcvTHV19Bd/jFOPuRILPCm6F
RKpEnLqkiyZevqTamhCWws8AG4F9MS/YXt6Ff6fRYwqlAgMBAAGjUzBRMB0GA1Ud
DgQWBBSyQxuqx/pClDJIC6gkN/aHgt2eQDAfBgNVHSMEGDAWgBSyQxuqx/pClDJI
C6gkN/aHgt2eQDAPBgNVHRMBAf8EBTADAQH/MA0GCSqGSIb3DQEBCwUAA4IBAQDf
sPuMcppOXvgVZgOEemmko+GjZpkhCTOO45niVFBuFrhpaTs6GblIEId3InwDVMpD
U04wMZbO2Uftm0CpcxUwmm2AnKvPNoMvd/InsMt0dlzhYzOF6TWAAwAMrRIatbeF
frUu897MfMKFflhD+Oyu2XHXkB9MdqO0RX51Fo2s94HrtKW7vns2kFFftu2bhv9G
TLV+IEXKx+Tm6/7YvalZFSlrsThBVI7uvaQ2p0iyJrjXRJxzmeECR1OxpS+I8QIJ
6+hR4eqYfAfImFT8pwYSil3g9IVDrGuVuuwZdJ0uE7R0GuV7CrQPaoZaBb4Yz/XE
L9L2+cdn+Ez4QcZgEmbo
-----END CERTIFICATE-----`;
const key = `-----BEGIN PRIVATE KEY-----
MIIEvAIBADANBgkqhkiG9w0BAQEFAASCBKYwggSiAgEAAoIBAQDpgmT6pIqt2rzD
yEWm5eTKTIOWZMBxWWTVeaR0Uaq98p6yQm/DC+dXvpZXmPse9wAky/cjrUJzsBd3
Fc/8MWEesAUZsfeMv1q9B6nXkdgr4guM3Vihypo6wOMMbTHJIumvGevLJUL3ttWr
nIc5ny7EgCte8ADiojcoUudUVrMu4HUhnlbOZreps/zkrNFJs83F4LjTZT4QQSxr
9FY1XwCfIq0swciBmrxWGyCYxAnRAPsClQFydYXente6GLHNHxCxW9YCnEkWz2Uf
Rtu2DcvTHV19Bd/jFOPuRILPCm6FRKpEnLqkiyZevqTamhCWws8AG4F9MS/YXt6F
f6fRYwqlAgMBAAECggEAH6WObfGy4dENWDNiTTZHBavNAarx8eq9obj0stcGnuus
2lfqsbKBTgEEeya+kfnDyTjja7Blmyw4YelQ4MsIcJJGfq8B789XStspB5A6jef6
zMKK6pJ8yI2vt9Vss+fJZ/PJYyTPqKbc2n9CTGroebUtK5a3Z/+4HfzuYR3G9wku
TatgFfxpifBIIndhLWFwceU5fXyBnLeWMMG0zhRHbbKk9x6KHTGEub4/rTlAxRyv
0Rn+D/fUGaiqY4RFwGfozxgC02NpJCOnRRPPc7KGO/ot2V4stQ+F8WwmTnT8Z9vf
SkxClgXuZrcNKMkTbSRMUCCZW8LiFMnKZXY4WY5BWQKBgQD5YENn8WGueKSd76zt
KQOZT0RYO6lUm/WX56BrkEgZUAEV1GmpeZ98NPKw8qjY6gA8cQaD+7AwvOmuPNKM
gyLzfc20aQajm3yy4zgNmej7MQutFVwu9Qd9n//kaC0TmCXutkC8i9TS3tRAngGq
u8WtbgBQO8PIiXsrD9UVgYICCwKBgQDvtj0yCa4QVFgASGzoUFe5swgwyOewslgQ
GOGP6xi0aNaxD7non08u+QJZh0wS6qZyMgt8433oqL8/nqGXWSe3UHgdAXQU+sCk
Q3Z+HQJYbfJHGeZGBWRMguUb/fjE6ROwe8DJobf8UoHip/sFlSGizD5QFciLWHZQ
nt1N5O5EDwKBgH5hH6gEt2lRMLPtrCiAmZdPiaZhjf4YD83NEAqTE0boubQTcvz1
azLqLngochOD+1ymNxQaMH9yrcakglu9dbAKeH5On5O4j+ikqFqUPnNWtsEfyxjt
Cr/Kn0dk2DtO5yJj8Mjc4J2BWfXpXZTmFlc/IR+IOj9eFTKMkoOUn4tjAoGANdr3
vLo4BSst6kJbVYZXbz0t5ef9RdGLv3IXm0HydvXm5jjmR8EjBSakxICFMurNInLj
6dcifpcLALwfCeXZ6nGFyt58ugnsJfuSL5tM35k0CY1kEu87LYVq+/L/ZR4Icmob
UjGnKGVRER80Yniy6eSBS3TZbZUeX9aRWeLJNTkCgYBLaDQIgO0m10eKAeZRMtiF
FdnlksiEHwu77M0Rld1icGaY5SF4O2IJ29NZRR+bCB18cQJJEgX8F1eqt0dLC0zI
PvO5POfhaxp5SMlNaYcyveWkjOcGKyymjsD6+3WzHa5TkjIeZXebcux4tt6OLlt1
yemop0F2LHgBpAk7etlrhw==
-----END PRIVATE KEY-----`;

let server: Server;
let port = 0;

beforeAll(async () => {
  server = createServer({ key, cert }, (_, res) => res.end('ok'));
  await new Promise<void>((listening) => server.listen(0, '127.0.0.1', listening));
  port = (server.address() as { port: number }).port;
});

afterAll(async () => {
  await new Promise((closed) => server.close(closed));
});

const fetchText = () =>
  new Promise<string>((resolve, reject) => {
    get({ host: '127.0.0.1', port, path: '/', ca: cert, servername: 'localhost', agent: false }, (res) => {
      let body = '';
      res.on('data', (chunk: Buffer) => (body += chunk));
      res.on('end', () => resolve(body));
    }).on('error', reject);
  });

test('reads a whole reply over TLS', async () => {
  expect(await fetchText()).toBe('ok');
});

test('reads another over a new TLS connection', async () => {
  expect(await fetchText()).toBe('ok');
});
