// Exits 0 once the server answers the MongoDB `hello` command.
const { MongoClient } = require('mongodb');

(async () => {
  const client = new MongoClient(process.argv[2], { serverSelectionTimeoutMS: 2000 });
  try {
    await client.connect();
    const hello = await client.db('admin').command({ hello: 1 });
    process.exitCode = hello.ok === 1 ? 0 : 1;
  } catch (error) {
    console.error(error.message);
    process.exitCode = 1;
  } finally {
    await client.close();
  }
})();
