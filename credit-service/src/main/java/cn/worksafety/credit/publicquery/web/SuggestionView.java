package cn.worksafety.credit.publicquery.web;

import cn.worksafety.credit.publicquery.model.Found;

/** One suggestion while typing: enough to show the name and go to the enterprise's page. */
public record SuggestionView(String uscc, String name) {

  static SuggestionView of(Found found) {
    return new SuggestionView(found.uscc(), found.name());
  }
}
