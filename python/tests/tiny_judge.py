"""A tiny randomly initialised GPT-2 and a byte-level BPE tokenizer trained on a few sentences, saved with
``save_pretrained``: a Hugging Face judge that needs no network. Used by test_judge.py and, through Jep, by the
Java integration test (dev.paradigm.judge.HubJudgeIntegrationTest)."""

import torch
from tokenizers import Tokenizer, decoders, models, pre_tokenizers, trainers

EOS = "<|endoftext|>"
SENTENCES = [
    "Once upon a time, there was a little girl named Lily. She liked to play in the park with her dog Max.",
    "One day, the sun was bright and the birds sang. Tom found a big red ball under a tree!",
    "\"Can we share?\" asked Sue. Mom smiled and said yes. They were happy, and they ate cake.",
    "The end.",
]


def tokenizer(vocab_size: int = 320):
    from transformers import PreTrainedTokenizerFast

    bpe = Tokenizer(models.BPE())
    bpe.pre_tokenizer = pre_tokenizers.ByteLevel(add_prefix_space=False)
    bpe.decoder = decoders.ByteLevel()
    trainer = trainers.BpeTrainer(vocab_size=vocab_size, special_tokens=[EOS],
                                  initial_alphabet=pre_tokenizers.ByteLevel.alphabet())  # every byte: any text encodes
    bpe.train_from_iterator(SENTENCES, trainer)
    return PreTrainedTokenizerFast(tokenizer_object=bpe, eos_token=EOS, bos_token=EOS)


def save_tiny_judge(folder: str, n_positions: int = 16, seed: int = 0) -> str:
    """Writes the judge into ``folder``; a context of 16 tokens makes ordinary sentences span several chunks."""
    from transformers import GPT2Config, GPT2LMHeadModel
    from transformers.utils import logging as hf_logging

    hf_logging.disable_progress_bar()  # no "Writing model shards" bar in the test output
    tok = tokenizer()
    config = GPT2Config(vocab_size=len(tok), n_positions=n_positions, n_embd=32, n_layer=2, n_head=2,
                        bos_token_id=tok.eos_token_id, eos_token_id=tok.eos_token_id)
    torch.manual_seed(seed)
    GPT2LMHeadModel(config).save_pretrained(folder)
    tok.save_pretrained(folder)
    return folder


def save_lossy_judge(folder: str) -> str:
    """A judge whose tokenizer cannot give back what it encoded (a three-word vocabulary: every other word becomes
    [UNK]), with a model of that vocabulary: ``paradigm.judge`` must refuse it before any sampling."""
    from tokenizers import models, pre_tokenizers
    from transformers import GPT2Config, GPT2LMHeadModel, PreTrainedTokenizerFast

    words = Tokenizer(models.WordLevel({"[UNK]": 0, EOS: 1, "Once": 2}, unk_token="[UNK]"))
    words.pre_tokenizer = pre_tokenizers.Whitespace()
    PreTrainedTokenizerFast(tokenizer_object=words, unk_token="[UNK]", eos_token=EOS).save_pretrained(folder)
    GPT2LMHeadModel(GPT2Config(vocab_size=3, n_positions=16, n_embd=8, n_layer=1, n_head=1)).save_pretrained(folder)
    return folder
