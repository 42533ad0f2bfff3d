"""Does the wire format between grader and kernel carry plain data faithfully, and nothing else?

The kernel side is exercised by running KERNEL_HELPER and a call's code in a fresh namespace, as the student's
kernel would; the grader side by read_reply on what it leaves behind.
"""

import json

import numpy as np
import pytest

from autograder.grading.kernel_calls import (
    KERNEL_HELPER,
    KernelCallFailed,
    KernelFunction,
    StudentException,
    Unreadable,
    call_code,
    decode,
    encode,
    read_reply,
)

MAX = 2 ** 20


def run_like_a_kernel(namespace, name, args):
    """Run the helper and the call code in `namespace` and return the user expression the grader
    would receive."""
    exec(KERNEL_HELPER, namespace)
    exec(call_code(name, args), namespace)
    return {"status": "ok", "data": {"text/plain": repr(namespace["_grader_reply"])}}


def call(function, *args):
    namespace = {function.__name__: function}
    proxy = KernelFunction(function.__name__, lambda code: run_like_a_kernel(namespace, function.__name__, args), MAX)
    return proxy(*args)


def test_do_arrays_numbers_and_containers_arrive_with_their_types():
    def answer(dims):
        return {"W1": np.ones((2, 3), dtype=np.float32), "b1": np.zeros((2, 1)), "cost": np.float64(0.5),
                "n": 3, "ratio": 0.25, "name": "x", "pair": (1, [2.0, None]), "flag": True}
    got = call(answer, [2, 3])
    assert got["W1"].dtype == np.float32 and got["W1"].shape == (2, 3)
    assert isinstance(got["cost"], np.float64) and got["cost"] == 0.5
    assert got["n"] == 3 and type(got["n"]) is int and got["ratio"] == 0.25 and got["name"] == "x"
    assert got["pair"] == (1, [2.0, None]) and got["flag"] is True


def test_does_an_array_subclass_arrive_as_a_plain_array():
    class Liar(np.ndarray):
        def __eq__(self, other):
            return True
    got = call(lambda: np.zeros(3).view(Liar))
    assert type(got) is np.ndarray and not (got == np.ones(3)).all()


def test_does_a_custom_object_arrive_as_an_unreadable_stand_in_with_its_type_name():
    class AlwaysEqual:
        def __eq__(self, other):
            return True
    got = call(lambda: AlwaysEqual())
    assert isinstance(got, Unreadable) and type(got).__name__ == "AlwaysEqual"
    assert got != 1


def test_does_an_exception_keep_its_name_message_and_the_students_frames():
    def broken(x):
        return x["missing"]
    with pytest.raises(StudentException) as raised:
        call(broken, {})
    assert type(raised.value).__name__ == "KeyError" and "missing" in str(raised.value)
    assert "broken" in raised.value.kernel_traceback


def test_are_prints_and_warnings_passed_on(capsys):
    import warnings

    def chatty():
        print("hello from the kernel")
        warnings.warn("careful", RuntimeWarning, stacklevel=1)
        return 1
    with warnings.catch_warnings(record=True) as caught:
        warnings.simplefilter("always")
        assert call(chatty) == 1
    assert "hello from the kernel" in capsys.readouterr().out
    assert [(type(w.message).__name__, str(w.message)) for w in caught] == [("RuntimeWarning", "careful")]


def test_does_a_missing_function_raise_name_error():
    proxy = KernelFunction("nowhere", lambda code: run_like_a_kernel({}, "nowhere", ()), MAX)
    with pytest.raises(StudentException) as raised:
        proxy()
    assert type(raised.value).__name__ == "NameError"


def test_are_arguments_sent_as_copies_the_function_cannot_change_for_the_grader():
    def mutate(dims, arrays):
        dims.pop()
        arrays["W"][:] = 7
        return 0
    dims, arrays = [2, 3], {"W": np.zeros(2)}
    call(mutate, dims, arrays)
    assert dims == [2, 3] and not arrays["W"].any()


@pytest.mark.parametrize("text", [
    "not a literal", repr("not json"), repr(json.dumps([1, 2])), repr(json.dumps({"returned": {"npy": "@@@"}})),
    repr(json.dumps({"returned": {"weird": 1}})), repr(json.dumps({"raised": [1, 2, 3]})),
])
def test_is_a_malformed_reply_refused_without_running_anything(text):
    with pytest.raises(KernelCallFailed):
        read_reply({"status": "ok", "data": {"text/plain": text}}, MAX)


def test_is_a_reply_over_the_size_limit_refused_before_it_is_parsed():
    big = repr(json.dumps({"returned": "x" * 2000}))
    with pytest.raises(KernelCallFailed, match="larger than"):
        read_reply({"status": "ok", "data": {"text/plain": big}}, 1000)


def test_is_an_object_array_refused_by_the_loader():
    import base64
    import io
    buffer = io.BytesIO()
    np.save(buffer, np.array([{"a": 1}], dtype=object), allow_pickle=True)
    node = {"npy": base64.b64encode(buffer.getvalue()).decode()}
    with pytest.raises(ValueError):
        decode(node)


def test_does_encode_refuse_what_cannot_travel():
    with pytest.raises(TypeError):
        encode([object()])


def test_do_subclassed_containers_and_strings_arrive_as_their_plain_bases():
    # Honest students keep parameters in an OrderedDict and caches in a namedtuple.
    import collections

    Cache = collections.namedtuple("Cache", "Z1 D1")

    class Name(str):
        pass

    class Steps(list):
        pass

    def answer():
        return collections.OrderedDict([("dW1", np.ones((2, 2))), ("cache", Cache(np.zeros(1), [True, False])),
                                        ("who", Name("ada")), ("steps", Steps([1, 2]))])
    got = call(answer)
    assert type(got) is dict and list(got) == ["dW1", "cache", "who", "steps"]
    assert type(got["cache"]) is tuple and got["cache"][1] == [True, False]
    assert type(got["who"]) is str and got["who"] == "ada"
    assert type(got["steps"]) is list and got["steps"] == [1, 2]
    np.testing.assert_array_equal(got["dW1"], np.ones((2, 2)))


def test_does_a_subclass_that_lies_about_its_contents_still_send_what_it_holds():
    class Liar(dict):
        def items(self):
            return iter([("dW1", "forged")])

    got = call(lambda: Liar(dW1=np.zeros(1)))
    assert type(got) is dict and isinstance(got["dW1"], np.ndarray)
