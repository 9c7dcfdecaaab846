"""Russian names of bodies that end in no country (issue 14), in sentences written for these
tests: a head and a purpose phrase in any case, the body it sits under after 'при', a place after
'в', and the office of a register body in a city."""

from __future__ import annotations

import pytest

from thbgraph.graph.extract.bodies_ru import russian_named_bodies
from thbgraph.graph.extract.organisations import find_organisations
from thbgraph.graph.register import Register, load_register


@pytest.fixture(scope="module")
def bundled() -> Register:
    return load_register()


@pytest.mark.parametrize(
    ("text", "written", "name"),
    [
        (
            "Оборудование передано Центру по борьбе с торговлей людьми при Министерстве "
            "внутренних дел для работы.",
            "Центру по борьбе с торговлей людьми при Министерстве внутренних дел",
            "Центр по борьбе с торговлей людьми при Министерстве внутренних дел",
        ),
        (
            "Состоялось заседание Совета по борьбе с траффикингом в Грузии, в котором участвовали.",
            "Совета по борьбе с траффикингом в Грузии",
            "Совет по борьбе с траффикингом в Грузии",
        ),
        ("Сообщает Бюро по реинтеграции.", "Бюро по реинтеграции", "Бюро по реинтеграции"),
    ],
    ids=["dative, under a ministry", "genitive, in a country", "indeclinable head"],
)
def test_a_head_and_its_purpose(text: str, written: str, name: str) -> None:
    [body] = russian_named_bodies(text, [])
    assert (body.written, body.name) == (written, name)


def test_a_verb_ends_the_body_it_sits_under() -> None:
    text = "Поможет Центру по борьбе с торговлей людьми при Министерстве юстиции проводить работу."
    [body] = russian_named_bodies(text, [])
    assert body.written.endswith("при Министерстве юстиции")


def test_an_office_of_a_register_body_in_a_city(bundled: Register) -> None:
    text = "Конференцию провели Бюро Международной организации по миграции (МОМ) в Минске и другие."
    found = {(o.name, o.key) for o in find_organisations(text, bundled)}
    assert ("Бюро Международной организации по миграции (МОМ) в Минске", None) in found
    assert "iom" in {k for _, k in found}


def test_no_name_without_a_purpose_phrase() -> None:
    assert russian_named_bodies("Совет директоров собрался в Москве.", []) == []


def test_a_unit_named_before_its_register_body_is_not_a_body_of_its_own(bundled: Register) -> None:
    text = "Руководитель Департамента по правам человека БДИПЧ выступил с докладом."
    assert [o.key for o in find_organisations(text, bundled)] == ["odihr"]


def test_an_adjective_before_an_office_agrees_with_it(bundled: Register) -> None:
    text = "Журнал издается Региональным Представительством Управления ООН по наркотикам и преступности в Польше и Литве."
    names = [o.name for o in find_organisations(text, bundled) if o.key is None]
    assert names == [
        "Региональное Представительство Управления ООН по наркотикам и преступности в Польше и Литве"
    ]


def test_a_contracted_ministry_name_as_written(bundled: Register) -> None:
    text = "Об этом сообщает пресс-служба Минюста. Учения прошли в Оше."
    assert [o.name for o in find_organisations(text, bundled)] == ["Минюста"]
