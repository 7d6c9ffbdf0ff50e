def test_home_lists_the_open_survey(client, make_survey):
    make_survey()
    page = client.get("/?lang=sq")
    assert page.status_code == 200
    assert "Parku i ri" in page.text
