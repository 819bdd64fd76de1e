// Only the setup file, no preset: the user's own environment and transforms.
module.exports = { setupFilesAfterEnv: ['jest-preset-async/setup'] };
