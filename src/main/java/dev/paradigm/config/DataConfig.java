package dev.paradigm.config;

/**
 * The {@code data} section: where the training text comes from, how it is cleaned, tokenized and split.
 *
 * @param source          generated | hub | text | jsonl | parquet
 * @param path            text/jsonl/parquet: the training file (relative paths resolve against the working folder)
 * @param valPath         split: dataset with a file source: the validation file
 * @param textField       jsonl/parquet: the column that holds the story
 * @param generatedStories generated: how many stories the seeded generator writes
 * @param minChars        stories shorter than this are dropped (the paper dropped those of at most 50 characters)
 * @param tokenBudget     keep the first N tokens of the training text; 0 keeps all
 * @param separator       what goes between stories
 * @param tokenizer       bpe (trained on the training text) | gpt2 (a local tokenizer.json)
 * @param tokenizerPath   gpt2: the tokenizer.json to read
 * @param vocabSize       bpe: the vocabulary size to train; gpt2: must be 50257
 * @param split           random | dataset
 * @param valFraction     random: the share of chunks held out for validation
 * @param splitSeed       random: the seed of the split
 * @param splitRule       random: which chunks validate, and in what order (sorted-sample | permutation-tail)
 * @param valMinChunks    random: at least this many validation chunks
 */
public record DataConfig(
        Source source,
        @Nullable String path,
        @Nullable String valPath,
        String textField,
        int generatedStories,
        int minChars,
        long tokenBudget,
        Separator separator,
        TokenizerKind tokenizer,
        @Nullable String tokenizerPath,
        int vocabSize,
        Split split,
        double valFraction,
        long splitSeed,
        SplitRule splitRule,
        int valMinChunks) {}
