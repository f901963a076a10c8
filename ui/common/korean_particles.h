#pragma once

#include <QString>

namespace moim::ui {

// Korean particles (조사) that depend on the word before them: 을/를, 이/가, 은/는, 과/와,
// 으로/로, 이라/라, 이나/나. A translation writes the pair as a marker after its placeholder
// ("%1을(를)", "“%1”(이)라는"); once the placeholder is filled, this picks the one form that
// reads right ("숫자 84를", "팀을", "서울로"). The word is read as Korean reads it: a Hangul
// syllable by its final consonant, digits as Sino-Korean numbers (1 일, 10 십, 100 백), Latin
// letters by their names (L 엘, M 엠, A 에이). Closing quotes and brackets between the word
// and the particle are skipped. Text without markers (any English text) comes back unchanged.
QString withKoreanParticles(const QString &text);

} // namespace moim::ui
