"""The Hugging Face judge on a tiny randomly initialised GPT-2 saved offline: its score against a direct
computation with the model, and clear errors for settings that cannot work."""

import json
import os

import numpy as np
import pytest
import torch
import torch.nn.functional as F

from paradigm import judge as judge_module
from paradigm.boundary import PythonError
from paradigm.judge import Judge, JudgeError

from tiny_judge import EOS, save_lossy_judge, save_tiny_judge, tokenizer

TEXTS = [
    "Once upon a time, there was a little girl named Lily.",  # about 12 tokens: one chunk of 16
    "She liked to play in the park with her dog Max. One day, the sun was bright and the birds sang. The end.",
    "Tom found a big red ball." + EOS + "Sue smiled." + EOS + "Mom said yes.",  # end-of-text inside the text
    "",
    "Zebras quietly juggle xylophones!",  # words the tokenizer never saw: bytes
]
ENDED = [True, True, False, True, False]


@pytest.fixture(scope="module")
def folder(tmp_path_factory):
    return save_tiny_judge(str(tmp_path_factory.mktemp("judge")))


def direct_scores(folder, texts, ended):
    """The rule written out plainly: one chunk at a time, no batching or padding, log-softmax and a Python loop."""
    from transformers import GPT2LMHeadModel, PreTrainedTokenizerFast

    tok = PreTrainedTokenizerFast.from_pretrained(folder)
    model = GPT2LMHeadModel.from_pretrained(folder).eval()
    context, eos = model.config.n_positions, tok.eos_token_id
    out = []
    for text, end in zip(texts, ended):
        ids = tok(text)["input_ids"] + ([eos] if end else [])
        nll, counted, eos_seen = 0.0, 0, False
        for start in range(0, len(ids), context):
            chunk = ids[start:start + context]
            with torch.no_grad():
                logp = torch.log_softmax(model(torch.tensor([chunk])).logits[0].double(), dim=-1)
            for j in range(1, len(chunk)):
                token = chunk[j]
                first_eos = token == eos and not eos_seen
                if token != eos or first_eos:
                    nll -= logp[j - 1, token].item()
                    counted += 1
                eos_seen = eos_seen or token == eos
        out.append([nll, counted])
    return np.array(out)


def test_scores_equal_a_direct_computation_with_the_model(folder):
    judge = Judge("hf:" + folder, "cpu")
    got = judge.score(TEXTS, ENDED, 3)
    expected = direct_scores(folder, TEXTS, ENDED)
    assert got.shape == (5, 2) and got.dtype == np.float64
    np.testing.assert_array_equal(got[:, 1], expected[:, 1])
    np.testing.assert_allclose(got[:, 0], expected[:, 0], rtol=1e-5)
    assert got[1, 1] > judge.context, "the long text must span several chunks"
    assert got[3].tolist() == [0.0, 0.0], "an empty text that ended is only its end-of-text token: no target"
    # The batch size and so the padding change nothing.
    np.testing.assert_allclose(judge.score(TEXTS, ENDED, 1), got, rtol=1e-5)


def test_counted_tokens_follow_the_chunks_and_the_first_end_of_text(folder):
    judge = Judge("hf:" + folder, "cpu")
    ids = judge.token_ids(TEXTS[1], True)
    chunks = -(-len(ids) // judge.context)
    assert judge.score([TEXTS[1]], [True], 4)[0, 1] == len(ids) - chunks  # each chunk's first token is context only
    # Two end-of-text tokens inside: the first counts, the second does not; no end appended (ended False).
    ids = judge.token_ids(TEXTS[2], False)
    assert ids.count(judge.eos) == 2
    assert judge.counted(ids) == [True] * ids.index(judge.eos) + [True] + [
        token != judge.eos for token in ids[ids.index(judge.eos) + 1:]]
    assert judge.counted([judge.eos, 5, judge.eos, judge.eos]) == [True, True, True, False]  # position 0 is context


def test_check_reads_config_and_tokenizer_without_weights(folder):
    info = json.loads(judge_module.check("hf:" + folder))
    assert info["context_length"] == 16 and info["local"] is True
    assert info["eos_id"] == tokenizer().eos_token_id


def test_bad_settings_fail_clearly(tmp_path, monkeypatch):
    with pytest.raises(JudgeError, match=r"expected hf:<model folder or hub id>"):
        Judge("/models/gpt2", "cpu")
    with pytest.raises(JudgeError, match=r"the folder .*nothing does not exist"):
        Judge("hf:" + str(tmp_path / "nothing"), "cpu")
    (tmp_path / "notes.txt").write_text("not a model")
    with pytest.raises(JudgeError, match=r"is not a Hugging Face model: it has no config.json, no weights"):
        Judge("hf:" + str(tmp_path), "cpu")
    # Through the Java entry point the same error arrives as PythonError, its type and message first.
    with pytest.raises(PythonError, match=r"^JudgeError: evaluate.judge=hf:"):
        judge_module.load("hf:" + str(tmp_path), "cpu")


@pytest.mark.parametrize("offline", [True, False])
def test_an_unreachable_hub_id_says_to_download_the_model(monkeypatch, offline):
    from huggingface_hub import constants

    if offline:
        monkeypatch.setattr(constants, "HF_HUB_OFFLINE", True)
    else:  # a closed local port: the connection is refused at once, as where there is no network
        monkeypatch.setattr(constants, "HF_HUB_OFFLINE", False)
        monkeypatch.setattr(constants, "ENDPOINT", "http://127.0.0.1:9")
    with pytest.raises(JudgeError) as error:
        Judge("hf:paradigm-tests/no-such-model", "cpu")
    assert ("cannot reach the Hugging Face hub; download the model and give its folder: "
            "evaluate.judge=hf:/path/to/paradigm-tests/no-such-model") in str(error.value)


def _save_model(folder, vocab_size):
    from transformers import GPT2Config, GPT2LMHeadModel

    GPT2LMHeadModel(GPT2Config(vocab_size=vocab_size, n_positions=16, n_embd=8, n_layer=1, n_head=1)).save_pretrained(folder)


def test_a_tokenizer_without_end_of_text_is_refused(tmp_path):
    from transformers import PreTrainedTokenizerFast

    tok = tokenizer()
    PreTrainedTokenizerFast(tokenizer_object=tok.backend_tokenizer).save_pretrained(tmp_path)  # no eos_token
    _save_model(tmp_path, len(tok))
    with pytest.raises(JudgeError, match=r"has no end-of-text token"):
        Judge("hf:" + str(tmp_path), "cpu")


def test_a_tokenizer_that_loses_text_is_refused(tmp_path):
    save_lossy_judge(str(tmp_path))
    with pytest.raises(JudgeError, match=r"does not give back the text it encoded"):
        Judge("hf:" + str(tmp_path), "cpu")


def test_a_tokenizer_larger_than_the_model_is_refused(tmp_path):
    tokenizer().save_pretrained(tmp_path)
    _save_model(tmp_path, 100)
    with pytest.raises(JudgeError, match=r"tokenizer has \d+ tokens but the model only 100"):
        Judge("hf:" + str(tmp_path), "cpu")


def test_a_folder_that_is_not_a_causal_lm_is_refused(tmp_path):
    from transformers import DistilBertConfig, DistilBertModel  # an encoder: no causal LM head exists for it

    tokenizer().save_pretrained(tmp_path)
    DistilBertModel(DistilBertConfig(vocab_size=400, dim=8, n_layers=1, n_heads=1, hidden_dim=8)).save_pretrained(tmp_path)
    assert os.path.isfile(tmp_path / "config.json")
    with pytest.raises(JudgeError, match=r"could not load it as a causal language model"):
        Judge("hf:" + str(tmp_path), "cpu")
